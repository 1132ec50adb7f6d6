package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file row by row as raw text values keyed by column name, with the same sniffing and
 * quoting rules as training: for scoring a saved model on new files ({@code deepcanvas evaluate},
 * {@code predict}) through its fitted {@link TabularEncoding}.
 */
public final class CsvRows {

    /** Receives one data row: its 1-based line and its values by column name. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int line, Map<String, String> values) throws DataException;
    }

    /** A whole CSV in memory: the column names, each data row's values by column, and the 1-based line each row starts on. */
    public record Table(List<String> names, List<Map<String, String>> rows, List<Integer> lines) {
        public int size() {
            return rows.size();
        }
    }

    private CsvRows() {}

    /** Reads every data row of {@code csv}. */
    public static Table read(Path csv) throws IOException, DataException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> names = forEach(csv, (line, values) -> {
            rows.add(values);
            lines.add(line);
        });
        return new Table(names, rows, lines);
    }

    /** Calls {@code handler} for every data row; returns the column names. */
    public static List<String> forEach(Path csv, RowHandler handler) throws IOException, DataException {
        CsvSource source = CsvSource.open(csv);
        List<String> columns = source.columns();
        CsvCursor rows = source.rows();
        while (rows.next()) {
            if (rows.fieldCount() != columns.size()) {
                throw new DataException(source.fileName(), rows.line(), null, null, String.format(
                        "the row has %d fields but the header has %d", rows.fieldCount(), columns.size()));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                values.put(columns.get(j), rows.text(j).trim());
            }
            handler.row(rows.line(), values);
        }
        return columns;
    }
}
