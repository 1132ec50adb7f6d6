package dev.deepcanvas.runtime.data.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.FittedEncoding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How rows in time order become windows for the network: the input columns' values over
 * {@code window} rows, each column shifted and scaled with values fitted on the training stretch
 * ({@code (x − offset) / scale}), laid out as DL4J wants a sequence ({@code [columns, window]}).
 * With differencing the target column enters as its step-to-step change. Kept in a model bundle,
 * so {@code predict} cuts a new series into windows exactly as training did.
 *
 * @param inputs the input columns in order (for a forecast the target comes first)
 * @param target the predicted column
 * @param fill the missing-value policy, applied to each new file as to the training file
 */
public record SeriesEncoding(List<String> inputs, String target, double[] offset, double[] scale, int window, int horizon,
        boolean differencing, MissingValues fill) implements FittedEncoding {

    public static final String TYPE = "series";

    private static final Set<String> FIELDS = Set.of("type", "inputs", "target", "offset", "scale", "window", "horizon",
            "differencing", "missing");

    /** One window cut from a series: its encoded values, the row it ends on, and the target's level there. */
    public record Window(float[] features, int lastRow, double lastLevel) {}

    public SeriesEncoding {
        inputs = List.copyOf(inputs);
        if (offset.length != inputs.size() || scale.length != inputs.size()) {
            throw new IllegalArgumentException("one offset and one scale per input column");
        }
    }

    @Override
    public long[] exampleShape() {
        return new long[] {inputs.size(), window};
    }

    /** Whether the target is one of the inputs (a forecast) or not (a class label per window). */
    public boolean targetIsInput() {
        return !inputs.isEmpty() && inputs.get(0).equals(target);
    }

    /**
     * The input columns of a series read row by row, gaps handled by the policy, the target
     * differenced when asked: {@code [column][row]}, NaN where a value is missing.
     */
    public double[][] columns(String file, List<Map<String, String>> rows, List<Integer> lines) throws DataException {
        double[][] values = new double[inputs.size()][];
        for (int c = 0; c < inputs.size(); c++) {
            values[c] = SeriesColumns.read(file, rows, lines, inputs.get(c));
            SeriesColumns.fill(values[c], fill);
            if (c == 0 && differencing && targetIsInput()) {
                values[c] = SeriesColumns.changes(values[c]);
            }
        }
        return values;
    }

    /**
     * One window of a series file, placed in it: the raw row it ends on and that row's line, the
     * target's raw value {@code horizon} rows later (null beyond the end of the file: a true
     * forecast), and how many data rows the file has.
     */
    public record Cut(Window window, Map<String, String> lastRow, int line, String actual, int rows) {}

    /** Every complete window of a series file, in time order; a file without one is refused, saying how many rows it takes. */
    public List<Cut> cut(Path csv) throws IOException, DataException {
        CsvRows.Table table = CsvRows.read(csv);
        List<Cut> cuts = new ArrayList<>();
        for (Window w : windows(csv.getFileName().toString(), table.rows(), table.lines())) {
            int answered = w.lastRow() + horizon;
            String actual = answered < table.size() ? table.rows().get(answered).get(target) : null;
            cuts.add(new Cut(w, table.rows().get(w.lastRow()), table.lines().get(w.lastRow()), actual, table.size()));
        }
        if (cuts.isEmpty()) {
            throw new DataException(csv.getFileName().toString(), String.format(Locale.ROOT,
                    "the series has no complete window of %d rows without a gap; the model needs at least %d rows", window, window));
        }
        return cuts;
    }

    /** Every complete window of a new series, in time order, each with the target's level on its last row. */
    public List<Window> windows(String file, List<Map<String, String>> rows, List<Integer> lines) throws DataException {
        double[][] columns = columns(file, rows, lines);
        double[] levels = null;
        if (targetIsInput()) {
            levels = SeriesColumns.read(file, rows, lines, target);
            SeriesColumns.fill(levels, fill);
        }
        List<Window> out = new ArrayList<>();
        for (int last = window - 1; last < rows.size(); last++) {
            Window w = window(columns, levels, last);
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    /** The window whose last row is {@code last}, or null when one of its values is missing. */
    public Window window(double[][] columns, double[] levels, int last) {
        int first = last - window + 1;
        if (first < 0) {
            return null;
        }
        float[] out = new float[inputs.size() * window];
        for (int c = 0; c < inputs.size(); c++) {
            for (int t = 0; t < window; t++) {
                double v = columns[c][first + t];
                if (Double.isNaN(v)) {
                    return null;
                }
                out[c * window + t] = (float) ((v - offset[c]) / scale[c]);
            }
        }
        return new Window(out, last, levels == null ? Double.NaN : levels[last]);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        ArrayNode in = o.putArray("inputs");
        inputs.forEach(in::add);
        o.put("target", target);
        ArrayNode off = o.putArray("offset");
        for (double v : offset) {
            off.add(v);
        }
        ArrayNode sc = o.putArray("scale");
        for (double v : scale) {
            sc.add(v);
        }
        o.put("window", window);
        o.put("horizon", horizon);
        o.put("differencing", differencing);
        o.put("missing", fill.name().toLowerCase(Locale.ROOT));
        return o;
    }

    /** Reads what {@link #toJson()} wrote; strict, so a damaged model bundle is caught, not half-used. */
    public static SeriesEncoding fromJson(JsonNode json) throws DataException {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new DataException(null, "series encoding: unknown field '" + name + "'");
            }
        }
        List<String> inputs = new ArrayList<>();
        json.path("inputs").forEach(n -> inputs.add(n.asText()));
        double[] offset = numbers(json.get("offset"), inputs.size());
        double[] scale = numbers(json.get("scale"), inputs.size());
        int window = json.path("window").asInt(-1);
        int horizon = json.path("horizon").asInt(-1);
        String target = json.path("target").asText("");
        MissingValues fill = null;
        for (MissingValues m : MissingValues.values()) {
            if (m.name().toLowerCase(Locale.ROOT).equals(json.path("missing").asText())) {
                fill = m;
            }
        }
        if (inputs.isEmpty() || offset == null || scale == null || window < 1 || window > 100_000 || horizon < 0
                || target.isEmpty() || fill == null) {
            throw new DataException(null, "series encoding: incomplete or out of range");
        }
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new DataException(null, "series encoding: a scale is not a positive number");
            }
        }
        return new SeriesEncoding(inputs, target, offset, scale, window, horizon, json.path("differencing").asBoolean(false), fill);
    }

    private static double[] numbers(JsonNode array, int size) {
        if (array == null || !array.isArray() || array.size() != size) {
            return null;
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            if (!array.get(i).isNumber()) {
                return null;
            }
            out[i] = array.get(i).asDouble();
        }
        return out;
    }
}
