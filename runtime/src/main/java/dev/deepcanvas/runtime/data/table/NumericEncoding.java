package dev.deepcanvas.runtime.data.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A numeric column as one input, {@code (value - shift) / scale}: shift and scale are the training
 * mean and standard deviation (standardise), minimum and range (min-max), or 0 and 1 (none).
 *
 * @param fill the value used where a cell is missing (the training mean), NaN when missing
 *     values are not filled
 */
record NumericEncoding(String name, double shift, double scale, double fill) implements ColumnEncoding {

    static final String TYPE = "numeric";

    @Override
    public int width() {
        return 1;
    }

    /** The input for a raw value; prepared data and new rows both come through here. */
    float encode(double raw) {
        return (float) ((raw - shift) / scale);
    }

    boolean fills() {
        return !Double.isNaN(fill);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name);
        o.put("type", TYPE);
        o.put("shift", shift);
        o.put("scale", scale);
        if (fills()) {
            o.put("fill", fill);
        } else {
            o.putNull("fill");
        }
        return o;
    }
}
