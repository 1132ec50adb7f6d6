package dev.deepcanvas.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.evaluate.RegressionReport;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample project trains with its own default settings and seed and reaches, on its held-out
 * test split, the quality the README promises (the same path as {@code deepcanvas train}).
 */
class SamplesTrainTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of("iris", 0.93),
                Arguments.of("breast-cancer", 0.95),
                Arguments.of("diabetes", 0.40),
                Arguments.of("digits", 0.95),
                Arguments.of("mnist", 0.95),
                Arguments.of("spam-filter", 0.95),
                Arguments.of("spam-transformer", 0.93),
                Arguments.of("names", 0.75));
    }

    /** Forecasts, with how much lower than the naive forecast's the test RMSE must be (NaN: only that both are reported). */
    static Stream<Arguments> forecasts() {
        return Stream.of(
                Arguments.of("air-quality", 0.0),
                Arguments.of("air-passengers", 0.10),
                Arguments.of("stock-prices", Double.NaN));
    }

    @ParameterizedTest(name = "{0}: test RMSE below the naive forecast's by {1}")
    @MethodSource("forecasts")
    void forecast_sample_is_measured_against_the_naive_forecast(String name, double gain) throws Exception {
        Path file = project(name);
        NetworkDocument doc = new DocumentFiles().load(file);
        TrainingRun run = TrainingRun.prepare(doc, file);
        assertInstanceOf(TrainingEvent.Finished.class, run.trainer().run());
        RegressionReport report = assertInstanceOf(RegressionReport.class, run.evaluate());
        assertNotNull(report.naive(), "a forecast is reported beside the naive forecast");
        assertTrue(report.total() > 0 && Double.isFinite(report.rmse()) && Double.isFinite(report.naive().rmse()));
        System.out.printf("sample %-14s test RMSE %.4f, naive %.4f (%.1f %% lower) on %d windows%n", name, report.rmse(),
                report.naive().rmse(), 100 * report.gainOverNaive(), report.total());
        if (!Double.isNaN(gain)) {
            assertTrue(report.gainOverNaive() > gain, name + ": RMSE " + report.rmse() + " vs naive " + report.naive().rmse());
        }
    }

    static Path project(String name) {
        return Path.of(name, name + DocumentFiles.EXTENSION);
    }

    @ParameterizedTest(name = "{0} reaches {1} on its test split")
    @MethodSource("samples")
    void sample_reaches_its_promised_quality(String name, double bar) throws Exception {
        Path file = project(name);
        NetworkDocument doc = new DocumentFiles().load(file);
        assertTrue(ShapeInference.analyse(doc).isValid());
        TrainingRun run = TrainingRun.prepare(doc, file);
        assertInstanceOf(TrainingEvent.Finished.class, run.trainer().run());
        TestReport report = run.evaluate();
        double quality = report instanceof ClassificationReport c ? c.accuracy() : ((RegressionReport) report).r2();
        System.out.printf("sample %-14s test %s = %.4f on %d examples (bar %.2f)%n", name,
                report instanceof ClassificationReport ? "accuracy" : "R²", quality, report.total(), bar);
        assertTrue(quality >= bar, name + ": " + quality + " < " + bar);
    }

    @Test
    void the_generator_still_produces_the_committed_samples() throws Exception {
        for (var e : SampleGenerator.samples().entrySet()) {
            assertEquals(e.getValue(), new DocumentFiles().load(project(e.getKey())), e.getKey() + ": regenerate with SampleGenerator");
        }
    }
}
