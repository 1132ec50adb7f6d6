package dev.deepcanvas.runtime.data.table;

/** A feature column of the file: its index, name and settled type (numeric or categorical). */
record Feature(int column, String name, ColumnType type) {}
