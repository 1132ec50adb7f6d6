package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import java.util.List;
import java.util.Map;

/** Numeric columns of a series in time order, and what is done to their gaps. */
public final class SeriesColumns {

    private SeriesColumns() {}

    /** The column's numbers row by row, NaN where a value is missing (empty, NA, NaN). */
    public static double[] read(String file, List<Map<String, String>> rows, List<Integer> lines, String column) throws DataException {
        double[] out = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String raw = rows.get(r).get(column);
            if (raw == null) {
                throw new DataException(file, null, column, null, "there is no such column in this file");
            }
            if (Cells.isMissing(raw)) {
                out[r] = Double.NaN;
                continue;
            }
            double v = Cells.number(raw);
            if (Double.isNaN(v)) {
                throw new DataException(file, lines.get(r), column, raw,
                        "a time series reads numbers; ignore this column, or fix the value");
            }
            out[r] = v;
        }
        return out;
    }

    /**
     * Fills gaps in place and returns how many. DROP leaves them (windows touching one are left
     * out); FORWARD repeats the last value before the gap; INTERPOLATE draws a line between the
     * values either side. Gaps at the start take the first value, gaps at the end the last.
     */
    public static int fill(double[] v, MissingValues policy) {
        int gaps = 0;
        for (double x : v) {
            gaps += Double.isNaN(x) ? 1 : 0;
        }
        if (gaps == 0 || policy == MissingValues.DROP) {
            return 0;
        }
        if (policy == MissingValues.FILL) {
            throw new IllegalArgumentException("a time series fills gaps forward or by interpolation, not with a mean");
        }
        int first = 0;
        while (first < v.length && Double.isNaN(v[first])) {
            first++;
        }
        if (first == v.length) {
            return 0;
        }
        for (int i = 0; i < first; i++) {
            v[i] = v[first];
        }
        int last = first;
        for (int i = first + 1; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                continue;
            }
            if (i - last > 1) {
                for (int k = last + 1; k < i; k++) {
                    v[k] = policy == MissingValues.FORWARD ? v[last] : v[last] + (v[i] - v[last]) * (k - last) / (i - last);
                }
            }
            last = i;
        }
        for (int k = last + 1; k < v.length; k++) {
            v[k] = v[last];
        }
        return gaps;
    }

    /** Step-to-step changes: {@code out[t] = v[t] − v[t−1]}, NaN for the first row. */
    public static double[] changes(double[] v) {
        double[] out = new double[v.length];
        out[0] = Double.NaN;
        for (int t = 1; t < v.length; t++) {
            out[t] = v[t] - v[t - 1];
        }
        return out;
    }
}
