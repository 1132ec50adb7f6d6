package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether the first line of a CSV file names the columns, by comparing it with the lines
 * below: names sit above numbers, a data row looks like the others. A first line that is neither
 * (sklearn's {@code 150,4,setosa,versicolor,virginica}) is refused with a message saying why,
 * rather than silently read as a row of data.
 */
final class HeaderDetector {

    private HeaderDetector() {}

    /** @param records the first records of the file, as text */
    static boolean hasHeader(String fileName, List<List<String>> records) throws DataException {
        if (records.isEmpty()) {
            return false;
        }
        List<String> first = records.get(0);
        List<Integer> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int j = 0; j < first.size(); j++) {
            String v = first.get(j);
            if (Cells.isMissing(v)) {
                continue;
            }
            (Double.isNaN(Cells.number(v)) ? names : numbers).add(j);
        }
        if (records.size() == 1) {
            // Nothing to compare with: names and no numbers make a header (with no data under it).
            return !names.isEmpty() && numbers.isEmpty();
        }
        List<List<String>> rows = records.subList(1, records.size());
        int width = commonWidth(rows);
        if (first.size() != width) {
            throw new DataException(fileName, 1, null, null, String.format(
                    "the first line has %d fields but the data rows have %d, so it cannot name their columns; "
                            + "replace it with column names, one per field, or delete it", first.size(), width));
        }
        if (names.isEmpty()) {
            return false;
        }
        List<Integer> namesOverNumbers = names.stream().filter(j -> isNumericColumn(rows, j, width)).toList();
        if (!numbers.isEmpty()) {
            if (namesOverNumbers.isEmpty()) {
                return false; // a data row with text in text columns
            }
            throw new DataException(fileName, 1, null, null, String.format(
                    "the first line mixes numbers (%s) with names above numeric columns (%s), so it is neither a header "
                            + "nor a data row; replace it with column names, one per field, or delete it",
                    join(first, numbers), join(first, namesOverNumbers)));
        }
        // Only names: a header if they sit above numbers, or if none of them turns up again in
        // its column (in an all-text table a data row repeats values: "yes", "red", ...).
        return !namesOverNumbers.isEmpty() || names.stream().noneMatch(j -> reappears(first.get(j), rows, j));
    }

    /** The field count most rows have. */
    private static int commonWidth(List<List<String>> rows) {
        Map<Integer, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.size(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static boolean isNumericColumn(List<List<String>> rows, int column, int width) {
        boolean any = false;
        for (List<String> r : rows) {
            if (r.size() != width || Cells.isMissing(r.get(column))) {
                continue;
            }
            if (Double.isNaN(Cells.number(r.get(column)))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean reappears(String value, List<List<String>> rows, int column) {
        Set<String> seen = new HashSet<>();
        for (List<String> r : rows) {
            if (column < r.size()) {
                seen.add(r.get(column));
            }
        }
        return seen.contains(value);
    }

    private static String join(List<String> fields, List<Integer> which) {
        return String.join(", ", which.stream().map(fields::get).toList());
    }
}
