package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks the records of CSV bytes (RFC 4180: fields in double quotes may hold the delimiter, line
 * breaks and doubled quotes). Fields are kept as positions in the bytes, trimmed of spaces and
 * quotes, so callers can test or parse a cell without copying it. Blank lines are skipped.
 *
 * <p>Only ASCII bytes are special, so UTF-8 text passes through untouched.
 */
final class CsvCursor {

    private final String fileName;
    private final byte[] data;
    private final int end;
    private final byte delimiter;
    private final byte quote;

    private int position;
    private int nextLine;
    private int line;
    private int recordStart;
    private int fields;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] doubledQuotes = new boolean[16];

    CsvCursor(String fileName, byte[] data, int start, int end, int firstLine, CsvFormat format) {
        this.fileName = fileName;
        this.data = data;
        this.end = end;
        this.delimiter = (byte) format.delimiter();
        this.quote = (byte) format.quote();
        this.position = start;
        this.nextLine = firstLine;
    }

    /** Moves to the next record that is not blank; false at the end of the data. */
    boolean next() throws DataException {
        while (position < end) {
            readRecord();
            if (fields > 1 || ends[0] > starts[0] || doubledQuotes[0]) {
                return true;
            }
            if (isQuotedEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The 1-based line the current record starts on. */
    int line() {
        return line;
    }

    /** Byte offset just after the current record (and its line break). */
    int position() {
        return position;
    }

    /** The line the record after the current one starts on (blank lines aside). */
    int lineAfter() {
        return nextLine;
    }

    int fieldCount() {
        return fields;
    }

    boolean isMissing(int field) {
        return !doubledQuotes[field] && Cells.isMissing(data, starts[field], ends[field]);
    }

    /** The number in the field, or NaN if it holds something else (check {@link #isMissing} first). */
    double number(int field) {
        return doubledQuotes[field] ? Double.NaN : Cells.number(data, starts[field], ends[field]);
    }

    String text(int field) {
        String raw = new String(data, starts[field], ends[field] - starts[field], StandardCharsets.UTF_8);
        if (doubledQuotes[field]) {
            String q = String.valueOf((char) quote);
            raw = raw.replace(q + q, q);
        }
        return raw;
    }

    private boolean isQuotedEmpty() {
        // A line holding just "" is one empty field, not a blank line; it only matters for
        // one-column files, where it is a missing value.
        int p = recordStart;
        while (p < end && data[p] == ' ') {
            p++;
        }
        return p < end && data[p] == quote;
    }

    private void readRecord() throws DataException {
        line = nextLine;
        recordStart = position;
        fields = 0;
        int p = position;
        while (true) {
            while (p < end && isSpace(data[p])) {
                p++;
            }
            if (p < end && data[p] == quote) {
                p = readQuoted(p + 1);
            } else {
                int s = p;
                while (p < end) {
                    byte c = data[p];
                    if (c == delimiter || c == '\n' || c == '\r') {
                        break;
                    }
                    p++;
                }
                int e = p;
                while (e > s && isSpace(data[e - 1])) {
                    e--;
                }
                add(s, e, false);
            }
            if (p >= end) {
                position = end;
                nextLine++;
                return;
            }
            byte c = data[p];
            if (c == delimiter) {
                p++;
                if (p >= end) {
                    add(p, p, false);
                    position = end;
                    nextLine++;
                    return;
                }
                continue;
            }
            // A line break: \n, \r\n or a lone \r.
            p += (c == '\r' && p + 1 < end && data[p + 1] == '\n') ? 2 : 1;
            position = p;
            nextLine++;
            return;
        }
    }

    /** Reads a quoted field whose content starts at {@code p}; returns the position after it. */
    private int readQuoted(int p) throws DataException {
        int s = p;
        boolean doubled = false;
        while (true) {
            if (p >= end) {
                throw new DataException(fileName, line, null, null,
                        "a quoted field starts on this line but its closing quote (" + (char) quote + ") never comes");
            }
            byte c = data[p];
            if (c == quote) {
                if (p + 1 < end && data[p + 1] == quote) {
                    doubled = true;
                    p += 2;
                    continue;
                }
                break;
            }
            if (c == '\n' || (c == '\r' && !(p + 1 < end && data[p + 1] == '\n'))) {
                nextLine++;
            }
            p++;
        }
        int e = p;
        p++;
        while (p < end && isSpace(data[p])) {
            p++;
        }
        if (p < end && data[p] != delimiter && data[p] != '\n' && data[p] != '\r') {
            throw new DataException(fileName, line, null, null,
                    "field " + (fields + 1) + " has text after its closing quote; put the whole value in quotes and double any quote inside it");
        }
        while (s < e && isSpace(data[s])) {
            s++;
        }
        while (e > s && isSpace(data[e - 1])) {
            e--;
        }
        add(s, e, doubled);
        return p;
    }

    private boolean isSpace(byte c) {
        return c == ' ' || (c == '\t' && delimiter != '\t');
    }

    private void add(int s, int e, boolean doubled) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            doubledQuotes = Arrays.copyOf(doubledQuotes, fields * 2);
        }
        starts[fields] = s;
        ends[fields] = e;
        doubledQuotes[fields] = doubled;
        fields++;
    }
}
