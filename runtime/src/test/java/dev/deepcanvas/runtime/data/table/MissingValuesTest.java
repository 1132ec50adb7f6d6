package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingValuesTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void gaps() {
        file = csv(dir, "gaps.csv",
                "x,colour,label",
                "1,red,a", // line 2
                "NA,blue,b", // line 3: x missing
                "3,,a", // line 4: colour missing
                "4,green,?", // line 5: label missing
                "5,red,b",
                "6,blue,a",
                "?,red,b", // line 8: x missing
                "8,null,a", // line 9: colour missing
                "9,green,b",
                "10,red,a");
    }

    /** Every row in the training split, numbers as they are: the values can be checked by hand. */
    private PreparedData prepare(MissingValues policy) throws Exception {
        DataBinding binding = DataBinding.csv("gaps.csv").withMissing(policy).withSplit(1, 0, 0)
                .withNormalization(Normalization.NONE);
        return TableLoader.prepare(file, binding, 3);
    }

    @Test
    void the_drop_policy_leaves_out_every_row_with_a_gap() throws Exception {
        PreparedData d = prepare(MissingValues.DROP);
        assertEquals(10, d.report().rowsRead());
        assertEquals(5, d.report().rowsDropped());
        assertEquals(Map.of(), d.report().filled());
        int[] lines = d.train().origins().clone();
        Arrays.sort(lines);
        assertArrayEquals(new int[] {2, 6, 7, 10, 11}, lines);
        assertEquals(List.of("1 row has no value in the label column 'label' and is left out"), d.report().warnings());
    }

    @Test
    void the_fill_policy_fills_with_the_training_mean_and_mode_and_counts_per_column() throws Exception {
        PreparedData d = prepare(MissingValues.FILL);
        assertEquals(1, d.report().rowsDropped()); // the row without a label, always
        assertEquals(Map.of("x", 2, "colour", 2), d.report().filled());
        // Training x values: 1 3 5 6 8 9 10 (line 5 has no label) → mean 6; colours: red ×4, blue ×2, green ×1.
        JsonNode columns = d.encoding().toJson().get("columns");
        assertEquals(6.0, columns.get(0).get("fill").asDouble());
        assertEquals("red", columns.get(1).get("fill").asText());
        assertEquals(List.of(6f, 1f, 0f, 0f), features(d.train(), 3)); // x filled; colours one-hot as blue, green, red
        assertEquals(List.of(3f, 0f, 0f, 1f), features(d.train(), 4)); // colour filled with red
        assertEquals(List.of(6f, 0f, 0f, 1f), features(d.train(), 8));
    }

    /** The features of the example from {@code line}. */
    private static List<Float> features(Examples split, int line) {
        for (int i = 0; i < split.size(); i++) {
            if (split.origins()[i] == line) {
                float[] f = TestFiles.features(split, i);
                Float[] boxed = new Float[f.length];
                for (int k = 0; k < f.length; k++) {
                    boxed[k] = f[k];
                }
                return List.of(boxed);
            }
        }
        throw new AssertionError("no example from line " + line);
    }
}
