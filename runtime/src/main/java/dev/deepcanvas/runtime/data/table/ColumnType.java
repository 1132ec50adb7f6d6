package dev.deepcanvas.runtime.data.table;

/** What a CSV column holds, judged from every value in it. */
public enum ColumnType {
    /** Every value that is not missing is a number. */
    NUMERIC,
    /** Some values are text: the column holds categories (or is broken, see {@link TableLoader}). */
    CATEGORICAL,
    /** Every value is missing. */
    EMPTY
}
