package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;

/**
 * Settles a column's type for training. A column of numbers with a few words in it is almost
 * always a typo or an unmarked gap, and reading it as categories would silently turn every number
 * into its own category; so it is refused with the first offending cell.
 */
final class ColumnTyping {

    /** At least this share of numbers makes stray text an error rather than categories. */
    static final double NUMERIC_SHARE = 0.9;

    private ColumnTyping() {}

    static ColumnType decide(String fileName, String column, ColumnScan scan, boolean forcedCategorical) throws DataException {
        int numbers = scan.numberCount();
        int values = numbers + scan.textCount();
        if (values == 0) {
            return ColumnType.EMPTY;
        }
        if (forcedCategorical) {
            return ColumnType.CATEGORICAL;
        }
        if (scan.textCount() == 0) {
            return ColumnType.NUMERIC;
        }
        if (numbers >= NUMERIC_SHARE * values) {
            throw new DataException(fileName, scan.firstTextLine(), column, scan.firstText(), String.format(
                    "text in a numeric column (%d of its %d values are numbers); fix the value, write NA if it is missing, "
                            + "or list the column as categorical", numbers, values));
        }
        return ColumnType.CATEGORICAL;
    }
}
