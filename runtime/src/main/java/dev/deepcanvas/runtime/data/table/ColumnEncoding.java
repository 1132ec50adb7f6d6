package dev.deepcanvas.runtime.data.table;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How one feature column becomes network inputs, with its fitted values. */
sealed interface ColumnEncoding permits NumericEncoding, CategoricalEncoding {

    /** The CSV column it reads. */
    String name();

    /** How many network inputs it fills. */
    int width();

    ObjectNode toJson();
}
