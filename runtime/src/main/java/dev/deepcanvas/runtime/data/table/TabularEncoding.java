package dev.deepcanvas.runtime.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.FittedEncoding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a CSV row becomes the network's inputs, with everything fitted on the training split: the
 * feature columns in order, each numeric column's shift and scale, each categorical column's
 * categories, and the fill values for missing cells. Saved with a model as JSON, so a row typed in
 * at prediction time is encoded exactly as the training rows were.
 */
public final class TabularEncoding implements FittedEncoding {

    public static final String TYPE = "table";

    private final List<ColumnEncoding> columns;
    private final String label;
    private final MissingValues missing;
    private final Normalization normalization;
    private final int width;

    TabularEncoding(List<ColumnEncoding> columns, String label, MissingValues missing, Normalization normalization) {
        this.columns = List.copyOf(columns);
        this.label = label;
        this.missing = missing;
        this.normalization = normalization;
        this.width = this.columns.stream().mapToInt(ColumnEncoding::width).sum();
    }

    @Override
    public long[] exampleShape() {
        return new long[] {width};
    }

    /** The CSV columns a row must have, in the order their inputs appear. */
    public List<String> featureColumns() {
        return columns.stream().map(ColumnEncoding::name).toList();
    }

    /** The column the network predicts (not needed by {@link #encode}). */
    public String labelColumn() {
        return label;
    }

    public MissingValues missing() {
        return missing;
    }

    public Normalization normalization() {
        return normalization;
    }

    List<ColumnEncoding> columns() {
        return columns;
    }

    /**
     * The inputs for one raw row, keyed by column name as in the CSV header; other keys (the label,
     * ignored columns) are not looked at. Values are read as in a CSV file: trimmed, and empty, NA,
     * N/A, NaN, null or ? mean missing.
     *
     * @throws DataException when a feature column is absent, a numeric value is not a number, or a
     *     value is missing and the encoding does not fill missing values
     */
    public float[] encode(Map<String, String> rawRow) throws DataException {
        float[] out = new float[width];
        int offset = 0;
        for (ColumnEncoding column : columns) {
            String name = column.name();
            if (!rawRow.containsKey(name)) {
                throw new DataException(null, null, name, null, "the row has no value for this column, which the network needs");
            }
            String raw = rawRow.get(name);
            boolean absent = Cells.isMissing(raw);
            if (column instanceof NumericEncoding n) {
                double v;
                if (absent) {
                    if (missing != MissingValues.FILL) {
                        throw missingValue(name, raw);
                    }
                    v = n.fill();
                } else {
                    v = Cells.number(raw);
                    if (Double.isNaN(v)) {
                        throw new DataException(null, null, name, Cells.trim(raw), "not a number, but the column is numeric");
                    }
                }
                out[offset] = n.encode(v);
            } else if (column instanceof CategoricalEncoding c) {
                if (absent && missing != MissingValues.FILL) {
                    throw missingValue(name, raw);
                }
                c.encode(absent ? c.fill() : Cells.trim(raw), out, offset);
            }
            offset += column.width();
        }
        return out;
    }

    private static DataException missingValue(String column, String raw) {
        return new DataException(null, null, column, raw == null ? null : Cells.trim(raw),
                "the value is missing, and this model was trained without filling missing values; give a value");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        o.put("label", label);
        o.put("missing", lower(missing));
        o.put("normalization", lower(normalization));
        var array = o.putArray("columns");
        columns.forEach(c -> array.add(c.toJson()));
        return o;
    }

    /** Reads what {@link #toJson} wrote; anything else is refused with what is wrong. */
    public static TabularEncoding fromJson(JsonNode json) throws DataException {
        if (json == null || !json.isObject()) {
            throw damaged("it is not a JSON object");
        }
        if (!TYPE.equals(json.path("type").asText(null))) {
            throw damaged("its type is " + json.path("type") + ", not \"" + TYPE + "\"");
        }
        String label = text(json, "label", "the encoding");
        MissingValues missing = choice(MissingValues.class, text(json, "missing", "the encoding"), "missing");
        Normalization normalization = choice(Normalization.class, text(json, "normalization", "the encoding"), "normalization");
        JsonNode array = json.get("columns");
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw damaged("it has no columns");
        }
        List<ColumnEncoding> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            ColumnEncoding c = column(array.get(i), "column " + (i + 1));
            if (!names.add(c.name())) {
                throw damaged("column '" + c.name() + "' appears twice");
            }
            columns.add(c);
        }
        return new TabularEncoding(columns, label, missing, normalization);
    }

    private static ColumnEncoding column(JsonNode o, String where) throws DataException {
        if (o == null || !o.isObject()) {
            throw damaged(where + " is not an object");
        }
        String name = text(o, "name", where);
        String type = text(o, "type", where);
        JsonNode fill = o.get("fill");
        if (NumericEncoding.TYPE.equals(type)) {
            double shift = number(o, "shift", where);
            double scale = number(o, "scale", where);
            if (scale == 0) {
                throw damaged(where + " has a scale of 0");
            }
            double fillValue = fill == null || fill.isNull() ? Double.NaN : number(o, "fill", where);
            return new NumericEncoding(name, shift, scale, fillValue);
        }
        if (CategoricalEncoding.TYPE.equals(type)) {
            JsonNode list = o.get("categories");
            if (list == null || !list.isArray()) {
                throw damaged(where + " has no list of categories");
            }
            List<String> categories = new ArrayList<>();
            for (JsonNode c : list) {
                if (!c.isTextual()) {
                    throw damaged(where + " has a category that is not text: " + c);
                }
                categories.add(c.asText());
            }
            if (new HashSet<>(categories).size() != categories.size()) {
                throw damaged(where + " lists a category twice");
            }
            if (fill != null && !fill.isNull() && !fill.isTextual()) {
                throw damaged(where + " has a fill value that is not text");
            }
            return new CategoricalEncoding(name, categories, fill == null || fill.isNull() ? null : fill.asText());
        }
        throw damaged(where + " has the unknown type " + o.get("type"));
    }

    private static String text(JsonNode o, String field, String where) throws DataException {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw damaged(where + " has no text field '" + field + "'");
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field, String where) throws DataException {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw damaged(where + " has no finite number '" + field + "'");
        }
        return v.asDouble();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) throws DataException {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw damaged("'" + field + "' is '" + value + "'");
        }
    }

    private static DataException damaged(String problem) {
        return new DataException(null, "the saved table encoding cannot be read: " + problem);
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TabularEncoding t && columns.equals(t.columns) && label.equals(t.label)
                && missing == t.missing && normalization == t.normalization;
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
