package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a CSV file is written: its delimiter, its quote character, and whether the first line names
 * the columns. {@link #sniff} works it out from the start of the file, so users never have to say.
 *
 * @param delimiter one of {@code , ; tab |}
 * @param quote the character around fields that hold the delimiter: {@code "} (RFC 4180), or
 *     {@code '} in files that use it and never {@code "}
 * @param header whether the first line holds column names; without one columns are named
 *     {@code column_1 .. column_n}
 */
public record CsvFormat(char delimiter, char quote, boolean header) {

    /** Delimiters tried, rarest in data first: when two split every line alike, the rarer wins. */
    static final char[] DELIMITERS = {'\t', ';', '|', ','};
    /** How much of the file sniffing looks at. */
    static final int SAMPLE_BYTES = 64 * 1024;
    /** How many records of the sample are compared. */
    static final int SAMPLE_RECORDS = 200;

    /** The format of a CSV file, from its first 64 KB. */
    public static CsvFormat sniff(Path csv) throws IOException, DataException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(csv)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        int start = Utf8.bomLength(sample);
        return sniff(csv.getFileName().toString(), sample, start, sample.length, sample.length == SAMPLE_BYTES);
    }

    /**
     * @param truncated whether the bytes stop before the end of the file (the last, probably cut
     *     record is then not looked at)
     */
    static CsvFormat sniff(String fileName, byte[] data, int start, int end, boolean truncated) throws DataException {
        if (truncated) {
            int lastBreak = end - 1;
            while (lastBreak > start && data[lastBreak] != '\n') {
                lastBreak--;
            }
            if (lastBreak > start) {
                end = lastBreak + 1;
            }
        }
        List<List<String>> best = null;
        char bestDelimiter = ',';
        char bestQuote = '"';
        double bestScore = -1;
        boolean apostrophes = contains(data, start, end, (byte) '\'');
        for (char quote : apostrophes ? new char[] {'"', '\''} : new char[] {'"'}) {
            for (char delimiter : DELIMITERS) {
                List<List<String>> records = records(fileName, data, start, end, new CsvFormat(delimiter, quote, false));
                double score = consistency(records);
                if (score > bestScore) {
                    best = records;
                    bestScore = score;
                    bestDelimiter = delimiter;
                    bestQuote = quote;
                }
            }
        }
        if (bestScore <= 0) {
            // No delimiter splits the lines: a one-column file (or an empty one).
            best = records(fileName, data, start, end, new CsvFormat(',', '"', false));
        }
        boolean header = HeaderDetector.hasHeader(fileName, best);
        return new CsvFormat(bestDelimiter, bestQuote, header);
    }

    /** The first records of the sample as text; a record cut off by the end of the sample is left out. */
    private static List<List<String>> records(String fileName, byte[] data, int start, int end, CsvFormat format) {
        List<List<String>> records = new ArrayList<>();
        CsvCursor cursor = new CsvCursor(fileName, data, start, end, 1, format);
        try {
            while (records.size() < SAMPLE_RECORDS && cursor.next()) {
                List<String> fields = new ArrayList<>(cursor.fieldCount());
                for (int i = 0; i < cursor.fieldCount(); i++) {
                    fields.add(cursor.text(i));
                }
                records.add(fields);
            }
        } catch (DataException unclosedQuote) {
            // This quote character does not fit the file (or the sample cut a quoted field): judge
            // it on the records read so far. Reading the whole file will report a real problem.
        }
        return records;
    }

    /**
     * The share of records with the most common field count, or 0 if that count is 1 (the
     * delimiter does not split the lines at all).
     */
    private static double consistency(List<List<String>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (List<String> r : records) {
            counts.merge(r.size(), 1, Integer::sum);
        }
        var mode = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return mode.getKey() < 2 ? 0 : (double) mode.getValue() / records.size();
    }

    private static boolean contains(byte[] data, int start, int end, byte b) {
        for (int i = start; i < end; i++) {
            if (data[i] == b) {
                return true;
            }
        }
        return false;
    }
}
