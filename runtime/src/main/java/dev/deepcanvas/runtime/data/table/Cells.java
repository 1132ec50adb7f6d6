package dev.deepcanvas.runtime.data.table;

import java.nio.charset.StandardCharsets;

/**
 * What a CSV cell holds: a missing value, a number, or text. Works on the file's bytes so that a
 * million-row file is read without making a String per numeric cell; the String overloads give the
 * same answers for values typed in at prediction time.
 */
final class Cells {

    /** Exact powers of ten: a double holds 10^0 .. 10^22 without rounding. */
    private static final double[] POWERS_OF_TEN = new double[23];
    /** Below 2^53 every whole number is exact in a double. */
    private static final long EXACT_LIMIT = 1L << 53;

    static {
        double p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Cells() {}

    /** Empty, NA, N/A, NaN, null or ? (any case): how spreadsheets and pandas write "no value". */
    static boolean isMissing(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return true;
        }
        if (n > 4) {
            return false;
        }
        if (n == 1) {
            return b[from] == '?';
        }
        int c0 = b[from] | 0x20;
        if (n == 2) {
            return c0 == 'n' && (b[from + 1] | 0x20) == 'a';
        }
        if (n == 3) {
            int c1 = b[from + 1] | 0x20;
            int c2 = b[from + 2] | 0x20;
            return c0 == 'n' && ((c1 == 'a' && c2 == 'n') || (b[from + 1] == '/' && c2 == 'a'));
        }
        return c0 == 'n' && (b[from + 1] | 0x20) == 'u' && (b[from + 2] | 0x20) == 'l' && (b[from + 3] | 0x20) == 'l';
    }

    static boolean isMissing(String value) {
        if (value == null) {
            return true;
        }
        String v = trim(value);
        return v.isEmpty() || v.equals("?") || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("N/A")
                || v.equalsIgnoreCase("NaN") || v.equalsIgnoreCase("null");
    }

    /**
     * The number a cell holds, or NaN when it is not a plain decimal number ({@code -1.5},
     * {@code .5}, {@code 3e-4}). Infinity, hex and Java suffixes such as {@code 1f} are text: a
     * spreadsheet would not call them numbers. Check {@link #isMissing} first.
     *
     * <p>The common case (at most 18 significant digits and a small exponent) is computed exactly
     * from integers, as fast as the bytes can be read; anything else falls back to
     * {@link Double#parseDouble}, so the result is always the correctly rounded double.
     */
    static double number(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        boolean digits = false;
        boolean exact = true;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            digits = true;
            int d = b[i] - '0';
            if (significant < 18) {
                if (mantissa != 0 || d != 0) {
                    mantissa = mantissa * 10 + d;
                    significant++;
                }
            } else {
                exponent++;
                exact = false;
            }
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                digits = true;
                int d = b[i] - '0';
                if (significant < 18) {
                    if (mantissa != 0 || d != 0) {
                        mantissa = mantissa * 10 + d;
                        significant++;
                    }
                    exponent--;
                } else {
                    exact = false;
                }
                i++;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            if (i == to) {
                return Double.NaN;
            }
            int e = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                e = Math.min(e * 10 + (b[i] - '0'), 100_000);
                i++;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != to) {
            return Double.NaN;
        }
        if (!exact || mantissa >= EXACT_LIMIT || exponent > 22 || exponent < -22) {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
        }
        // Both operands are exact, so one multiplication or division rounds correctly (Clinger).
        double v = exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
        return negative ? -v : v;
    }

    static double number(String value) {
        String v = trim(value);
        byte[] b = new byte[v.length()];
        for (int i = 0; i < b.length; i++) {
            char c = v.charAt(i);
            if (c > 127) {
                return Double.NaN;
            }
            b[i] = (byte) c;
        }
        return number(b, 0, b.length);
    }

    /** Without the spaces and tabs around it, as the CSV reader trims a cell. */
    static String trim(String value) {
        int from = 0;
        int to = value.length();
        while (from < to && (value.charAt(from) == ' ' || value.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (value.charAt(to - 1) == ' ' || value.charAt(to - 1) == '\t')) {
            to--;
        }
        return value.substring(from, to);
    }

    /** How a number is named as a class or category: "3" for 3.0, otherwise Java's shortest form. */
    static String name(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        return Double.toString(number);
    }
}
