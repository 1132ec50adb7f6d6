package dev.deepcanvas.runtime.data.table;

import java.util.Arrays;

/**
 * One column as the first read of a file leaves it: its numbers (NaN where a cell is missing or
 * text) and counts of what kind of cells it has, with the first text cell for error messages.
 */
final class ColumnScan {

    private double[] values;
    private int missing;
    private int numbers;
    private int texts;
    private boolean wholeNumbers = true;
    private String firstText;
    private int firstTextLine;

    ColumnScan(int capacity) {
        values = new double[capacity];
    }

    void grow(int capacity) {
        values = Arrays.copyOf(values, capacity);
    }

    void missing(int row) {
        values[row] = Double.NaN;
        missing++;
    }

    void number(int row, double v) {
        values[row] = v;
        numbers++;
        wholeNumbers &= v == Math.rint(v);
    }

    void text(int row, String text, int line) {
        values[row] = Double.NaN;
        if (texts++ == 0) {
            firstText = text;
            firstTextLine = line;
        }
    }

    void trim(int rows) {
        if (values.length != rows) {
            values = Arrays.copyOf(values, rows);
        }
    }

    /** The value of each row; NaN where the cell is missing or text. */
    double[] values() {
        return values;
    }

    int missingCount() {
        return missing;
    }

    int numberCount() {
        return numbers;
    }

    int textCount() {
        return texts;
    }

    /** Whether every number in the column is whole (3, 3.0), as class labels are. */
    boolean wholeNumbers() {
        return wholeNumbers;
    }

    String firstText() {
        return firstText;
    }

    int firstTextLine() {
        return firstTextLine;
    }

    /** The type the values suggest, with no user choice applied. */
    ColumnType type() {
        if (texts > 0) {
            return ColumnType.CATEGORICAL;
        }
        return numbers > 0 ? ColumnType.NUMERIC : ColumnType.EMPTY;
    }
}
