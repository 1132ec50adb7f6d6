package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every row of a CSV source once, keeping the numbers of the columns asked for and the line
 * each row starts on. The text of a column is fetched only on request ({@link #loadTexts}), by a
 * second read, because most columns are numeric and a String per cell would cost far more than
 * the second read.
 */
final class TableScan {

    private final CsvSource source;
    private final ColumnScan[] columns;
    private final String[][] texts;
    private int rows;
    private int[] lines;

    private TableScan(CsvSource source, int capacity, boolean[] wanted) {
        this.source = source;
        int width = source.columns().size();
        this.columns = new ColumnScan[width];
        this.texts = new String[width][];
        for (int j = 0; j < width; j++) {
            if (wanted[j]) {
                columns[j] = new ColumnScan(capacity);
            }
        }
        this.lines = new int[capacity];
    }

    /** @param wanted per column, whether to keep its values (ignored columns are only checked for their field count) */
    static TableScan read(CsvSource source, boolean[] wanted) throws DataException {
        TableScan scan = new TableScan(source, 1024, wanted);
        scan.readRows();
        return scan;
    }

    private void readRows() throws DataException {
        int width = columns.length;
        CsvCursor cursor = source.rows();
        int firstLine = -1;
        while (cursor.next()) {
            if (firstLine < 0) {
                firstLine = cursor.line();
            }
            if (cursor.fieldCount() != width) {
                throw ragged(cursor, firstLine);
            }
            if (rows == lines.length) {
                int capacity = capacity(cursor);
                lines = Arrays.copyOf(lines, capacity);
                for (ColumnScan c : columns) {
                    if (c != null) {
                        c.grow(capacity);
                    }
                }
            }
            int line = cursor.line();
            lines[rows] = line;
            for (int j = 0; j < width; j++) {
                ColumnScan c = columns[j];
                if (c == null) {
                    continue;
                }
                if (cursor.isMissing(j)) {
                    c.missing(rows);
                    continue;
                }
                double v = cursor.number(j);
                if (Double.isNaN(v)) {
                    c.text(rows, c.textCount() == 0 ? cursor.text(j) : null, line);
                } else {
                    c.number(rows, v);
                }
            }
            rows++;
        }
        lines = Arrays.copyOf(lines, rows);
        for (ColumnScan c : columns) {
            if (c != null) {
                c.trim(rows);
            }
        }
    }

    /**
     * Room for the rows still to come, guessed from the bytes per row so far, so that a large file
     * grows its arrays once or twice rather than a dozen times.
     */
    private int capacity(CsvCursor cursor) {
        double bytesPerRow = Math.max(1.0, (double) (cursor.position() - source.dataStart()) / rows);
        double expected = rows + (source.size() - cursor.position()) / bytesPerRow * 1.05 + 16;
        long capacity = Math.max((long) rows + (rows >> 1) + 16, (long) expected);
        return (int) Math.min(capacity, Integer.MAX_VALUE - 8);
    }

    private DataException ragged(CsvCursor cursor, int firstLine) {
        int width = columns.length;
        String expected = source.format().header()
                ? "the header has " + width
                : "line " + firstLine + " has " + width;
        return new DataException(source.fileName(), cursor.line(), null, null,
                "this row has " + cursor.fieldCount() + " fields but " + expected);
    }

    int rowCount() {
        return rows;
    }

    /** The 1-based line of the file where row {@code row} starts. */
    int line(int row) {
        return lines[row];
    }

    ColumnScan column(int j) {
        return columns[j];
    }

    /** Reads the text of these columns (null where missing); equal values share one String. */
    void loadTexts(List<Integer> wanted) throws DataException {
        List<Integer> todo = wanted.stream().filter(j -> texts[j] == null).toList();
        if (todo.isEmpty()) {
            return;
        }
        List<Map<String, String>> pools = todo.stream().map(j -> (Map<String, String>) new HashMap<String, String>()).toList();
        for (int j : todo) {
            texts[j] = new String[rows];
        }
        CsvCursor cursor = source.rows();
        for (int r = 0; r < rows && cursor.next(); r++) {
            for (int k = 0; k < todo.size(); k++) {
                int j = todo.get(k);
                if (!cursor.isMissing(j)) {
                    String s = cursor.text(j);
                    texts[j][r] = pools.get(k).computeIfAbsent(s, x -> x);
                }
            }
        }
    }

    /** The text of column {@code j} per row, null where missing; call {@link #loadTexts} first. */
    String[] texts(int j) {
        return texts[j];
    }
}
