package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.evaluate.ExamplePrediction;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.insight.TrainingHistory;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished run, scored on its test split: what the evaluation, try-it and export views show.
 *
 * @param dataPath the data file or folder as resolved on disk (image thumbnails resolve against it)
 * @param summary what happened, in words: "Completed 20 epochs in 0:12"
 * @param csvLines for a CSV of at most {@code 20 MB}, what to show for an example from line {@code n} at {@code n - 1}: the
 *     raw line, or for text data the text read; else empty
 */
public record RunResult(String label, String summary, TestReport report, List<ExamplePrediction> predictions, PreparedData data,
        Path dataPath, ModelBundle bundle, TrainingHistory history, List<String> csvLines) {

    /** @param csvLines the data file's lines for a CSV (so listed examples show their row), else empty */
    public RunResult {
        csvLines = List.copyOf(csvLines);
    }
}
