package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the data panel shows before any training: the first rows as written, the column names, the
 * sniffed format, and per column its type and how many values are missing. Types and missing
 * counts cover the whole file, not just the rows shown.
 *
 * @param rows the first rows, each with one string per column ("" where the file has nothing)
 * @param rowCount data rows in the whole file
 */
public record CsvPreview(
        CsvFormat format,
        List<String> columns,
        List<List<String>> rows,
        List<ColumnType> types,
        List<Integer> missing,
        int rowCount) {

    public CsvPreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        types = List.copyOf(types);
        missing = List.copyOf(missing);
    }

    /** Reads the file (all of it, for the counts) and keeps its first {@code maxRows} rows. */
    public static CsvPreview read(Path csv, int maxRows) throws IOException, DataException {
        CsvSource source = CsvSource.open(csv);
        int width = source.columns().size();
        boolean[] all = new boolean[width];
        Arrays.fill(all, true);
        TableScan scan = TableScan.read(source, all);
        List<List<String>> rows = new ArrayList<>();
        CsvCursor cursor = source.rows();
        while (rows.size() < maxRows && cursor.next()) {
            List<String> row = new ArrayList<>(width);
            for (int j = 0; j < width; j++) {
                row.add(cursor.text(j));
            }
            rows.add(row);
        }
        List<ColumnType> types = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            types.add(scan.column(j).type());
            missing.add(scan.column(j).missingCount());
        }
        return new CsvPreview(source.format(), source.columns(), rows, types, missing, scan.rowCount());
    }
}
