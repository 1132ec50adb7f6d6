package dev.deepcanvas.runtime.data;

import java.util.List;
import java.util.Map;

/**
 * What preparing the data found, for the user: counts, what was dropped or filled and why, the
 * class balance of each split, skipped files, and warnings in plain words.
 *
 * @param rowsRead examples read from the source (CSV data rows or image files)
 * @param rowsDropped examples dropped (missing values with the drop policy)
 * @param filled per column, how many missing values were filled
 * @param classCounts per split name ("train", "validation", "test"), examples per class name
 * @param skipped unreadable files or rows that were skipped, each with the reason
 * @param text for text data, what tokenising found; else null
 * @param series for a time series, the target over time and where the splits fall; else null
 */
public record DataReport(
        int rowsRead,
        int rowsDropped,
        Map<String, Integer> filled,
        Map<String, Map<String, Integer>> classCounts,
        List<String> skipped,
        List<String> warnings,
        TextStats text,
        SeriesStats series) {

    public DataReport(int rowsRead, int rowsDropped, Map<String, Integer> filled, Map<String, Map<String, Integer>> classCounts,
            List<String> skipped, List<String> warnings) {
        this(rowsRead, rowsDropped, filled, classCounts, skipped, warnings, null, null);
    }

    /**
     * @param vocabulary ids in use, the two reserved ones included
     * @param coverage the share of training tokens that are in the vocabulary
     * @param testCoverage the same for the test split's tokens (unknown words of new texts)
     * @param lengths each example's token count before cutting, in file order
     * @param truncated examples longer than {@code maxLength}, cut
     */
    public record TextStats(int vocabulary, double coverage, double testCoverage, int[] lengths, int maxLength, int truncated) {}

    /**
     * @param target the target column's value on each row (NaN where missing, before filling)
     * @param validationStart the first row of the validation stretch (0-based)
     * @param testStart the first row of the test stretch
     * @param window rows per window
     * @param horizon rows from a window's last row to the row it predicts
     */
    public record SeriesStats(String targetName, double[] target, int validationStart, int testStart, int window, int horizon) {}

    public DataReport {
        filled = Map.copyOf(filled);
        classCounts = Map.copyOf(classCounts);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
