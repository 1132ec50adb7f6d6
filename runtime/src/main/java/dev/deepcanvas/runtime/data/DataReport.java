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
 */
public record DataReport(
        int rowsRead,
        int rowsDropped,
        Map<String, Integer> filled,
        Map<String, Map<String, Integer>> classCounts,
        List<String> skipped,
        List<String> warnings) {

    public DataReport {
        filled = Map.copyOf(filled);
        classCounts = Map.copyOf(classCounts);
        skipped = List.copyOf(skipped);
        warnings = List.copyOf(warnings);
    }
}
