package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file in memory with its sniffed format and column names. The bytes stay in memory so that
 * rows can be read twice: once for numbers, and again for the text of the few columns that turn out
 * to hold categories, without keeping a String for every cell in between.
 */
final class CsvSource {

    /** A byte array cannot be larger. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 64;

    private final String fileName;
    private final byte[] data;
    private final CsvFormat format;
    private final List<String> columns;
    private final int dataStart;
    private final int dataLine;

    private CsvSource(String fileName, byte[] data, CsvFormat format, List<String> columns, int dataStart, int dataLine) {
        this.fileName = fileName;
        this.data = data;
        this.format = format;
        this.columns = List.copyOf(columns);
        this.dataStart = dataStart;
        this.dataLine = dataLine;
    }

    static CsvSource open(Path csv) throws IOException, DataException {
        String fileName = csv.getFileName().toString();
        long size = Files.size(csv);
        if (size > MAX_BYTES) {
            throw new DataException(fileName, String.format(
                    "the file has %,d bytes; DeepCanvas reads CSV files of up to 2 GB", size));
        }
        byte[] data = Files.readAllBytes(csv);
        int start = Utf8.bomLength(data);
        int sampleEnd = (int) Math.min(data.length, (long) start + CsvFormat.SAMPLE_BYTES);
        CsvFormat format = CsvFormat.sniff(fileName, data, start, sampleEnd, sampleEnd < data.length);
        CsvCursor cursor = new CsvCursor(fileName, data, start, data.length, 1, format);
        if (!cursor.next()) {
            throw new DataException(fileName, "the file is empty");
        }
        if (!format.header()) {
            List<String> names = new ArrayList<>();
            for (int j = 1; j <= cursor.fieldCount(); j++) {
                names.add("column_" + j);
            }
            return new CsvSource(fileName, data, format, names, start, 1);
        }
        return new CsvSource(fileName, data, format, names(fileName, cursor), cursor.position(), cursor.lineAfter());
    }

    /** Header names, trimmed; an empty name becomes column_j, a repeated one is refused. */
    private static List<String> names(String fileName, CsvCursor header) throws DataException {
        List<String> names = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.fieldCount(); j++) {
            String name = header.text(j);
            if (name.isEmpty()) {
                name = "column_" + (j + 1);
            }
            Integer before = seen.putIfAbsent(name, j);
            if (before != null) {
                throw new DataException(fileName, header.line(), name, null, String.format(
                        "fields %d and %d of the header have this name; give each column its own", before + 1, j + 1));
            }
            names.add(name);
        }
        return names;
    }

    String fileName() {
        return fileName;
    }

    CsvFormat format() {
        return format;
    }

    List<String> columns() {
        return columns;
    }

    /** Where the data rows start, in bytes. */
    int dataStart() {
        return dataStart;
    }

    /** The size of the file in bytes. */
    int size() {
        return data.length;
    }

    /** A cursor over the data rows (after the header). */
    CsvCursor rows() {
        return new CsvCursor(fileName, data, dataStart, data.length, dataLine, format);
    }
}
