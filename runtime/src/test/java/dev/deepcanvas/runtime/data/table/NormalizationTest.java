package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics come from the training split only; validation and test rows are encoded with them. */
class NormalizationTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void numbers() {
        // x = 0..199, so the value of a row follows from its line: x = line - 2.
        file = csv(dir, "numbers.csv", TestFiles.numberedRows(200));
    }

    private static double x(int line) {
        return line - 2;
    }

    private PreparedData prepare(Normalization n) throws Exception {
        return TableLoader.prepare(file, DataBinding.csv("numbers.csv").withNormalization(n), 11);
    }

    private static double[] raw(Examples split) {
        return Arrays.stream(split.origins()).mapToDouble(NormalizationTest::x).toArray();
    }

    @Test
    void standardising_uses_the_training_mean_and_spread_for_every_split() throws Exception {
        PreparedData d = prepare(Normalization.STANDARDIZE);
        double[] train = raw(d.train());
        double mean = Arrays.stream(train).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(train).map(v -> (v - mean) * (v - mean)).sum() / train.length);
        JsonNode x = d.encoding().toJson().get("columns").get(0);
        assertEquals(mean, x.get("shift").asDouble(), 1e-9);
        assertEquals(std, x.get("scale").asDouble(), 1e-9);
        double testMean = Arrays.stream(raw(d.test())).average().orElseThrow();
        double allMean = 199 / 2.0;
        assertNotEquals(testMean, x.get("shift").asDouble());
        assertNotEquals(allMean, x.get("shift").asDouble());
        for (Examples split : List.of(d.train(), d.validation(), d.test())) {
            double[] values = raw(split);
            for (int i = 0; i < split.size(); i++) {
                assertEquals((float) ((values[i] - x.get("shift").asDouble()) / x.get("scale").asDouble()), split.features()[i]);
            }
        }
    }

    @Test
    void min_max_maps_the_training_range_to_0_1_and_other_splits_through_it() throws Exception {
        PreparedData d = prepare(Normalization.MINMAX);
        double[] train = raw(d.train());
        double min = Arrays.stream(train).min().orElseThrow();
        double max = Arrays.stream(train).max().orElseThrow();
        float[] f = d.train().features();
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (float v : f) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertEquals(0f, lo);
        assertEquals(1f, hi);
        double[] test = raw(d.test());
        for (int i = 0; i < d.test().size(); i++) {
            assertEquals((float) ((test[i] - min) / (max - min)), d.test().features()[i]);
        }
        assertTrue(min > 0 || max < 199, "the training split should not hold both ends for this seed");
    }

    @Test
    void none_keeps_the_numbers_as_they_are() throws Exception {
        PreparedData d = prepare(Normalization.NONE);
        double[] values = raw(d.validation());
        for (int i = 0; i < d.validation().size(); i++) {
            assertEquals((float) values[i], d.validation().features()[i]);
        }
    }

    @Test
    void a_constant_column_is_kept_unscaled_with_a_warning() throws Exception {
        String[] lines = TestFiles.numberedRows(100);
        for (int i = 0; i < lines.length; i++) {
            lines[i] += i == 0 ? ",k" : ",7";
        }
        Path constant = csv(dir, "constant.csv", lines);
        PreparedData d = TableLoader.prepare(constant, DataBinding.csv("constant.csv").withLabel("label"), 1);
        JsonNode k = d.encoding().toJson().get("columns").get(1);
        assertEquals(7.0, k.get("shift").asDouble());
        assertEquals(1.0, k.get("scale").asDouble());
        assertEquals(List.of("column 'k' is constant: it carries no information"), d.report().warnings());
        for (int i = 0; i < d.train().size(); i++) {
            assertEquals(0f, d.train().features()[i * 2 + 1]);
        }
    }
}
