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
import java.util.List;
import java.util.Map;

/**
 * How one sequence file becomes the network's input: each column standardised with the training
 * sequences' mean and spread, steps after {@code maxLength} cut, shorter sequences padded with
 * zeros at the end and masked. Kept in a model bundle for {@code predict}.
 */
public record SequenceEncoding(List<String> columns, double[] mean, double[] std, int maxLength) implements FittedEncoding {

    public static final String TYPE = "sequences";

    /** Values {@code [column][step]} laid out for DL4J, and the mask of real steps. */
    public record Encoded(float[] values, float[] mask) {}

    public SequenceEncoding {
        columns = List.copyOf(columns);
    }

    @Override
    public long[] exampleShape() {
        return new long[] {columns.size(), maxLength};
    }

    /** @param sequence {@code [column][step]} in the file's units */
    public Encoded encode(double[][] sequence) {
        int t = Math.min(maxLength, sequence[0].length);
        float[] values = new float[columns.size() * maxLength];
        float[] mask = new float[maxLength];
        for (int c = 0; c < columns.size(); c++) {
            for (int s = 0; s < t; s++) {
                values[c * maxLength + s] = (float) ((sequence[c][s] - mean[c]) / std[c]);
            }
        }
        for (int s = 0; s < t; s++) {
            mask[s] = 1;
        }
        return new Encoded(values, mask);
    }

    /** Reads one sequence file (a row per step) and encodes it. */
    public Encoded encode(Path csv) throws DataException, IOException {
        CsvRows.Table table = CsvRows.read(csv);
        List<Map<String, String>> rows = table.rows();
        List<Integer> lines = table.lines();
        if (rows.isEmpty()) {
            throw new DataException(csv.getFileName().toString(), "the sequence has no rows");
        }
        double[][] values = new double[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            values[c] = SeriesColumns.read(csv.getFileName().toString(), rows, lines, columns.get(c));
            SeriesColumns.fill(values[c], MissingValues.INTERPOLATE);
        }
        return encode(values);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        ArrayNode c = o.putArray("columns");
        columns.forEach(c::add);
        ArrayNode m = o.putArray("mean");
        ArrayNode s = o.putArray("std");
        for (int i = 0; i < columns.size(); i++) {
            m.add(mean[i]);
            s.add(std[i]);
        }
        o.put("maxLength", maxLength);
        return o;
    }

    public static SequenceEncoding fromJson(JsonNode json) throws DataException {
        List<String> columns = new ArrayList<>();
        json.path("columns").forEach(n -> columns.add(n.asText()));
        int n = columns.size();
        double[] mean = new double[n];
        double[] std = new double[n];
        JsonNode m = json.path("mean");
        JsonNode s = json.path("std");
        int maxLength = json.path("maxLength").asInt(-1);
        if (n == 0 || m.size() != n || s.size() != n || maxLength < 1 || maxLength > SequenceFolderLoader.MAX_STEPS) {
            throw new DataException(null, "sequence encoding: incomplete or out of range");
        }
        for (int i = 0; i < n; i++) {
            mean[i] = m.get(i).asDouble();
            std[i] = s.get(i).asDouble();
            if (!(std[i] > 0) || Double.isInfinite(std[i]) || !Double.isFinite(mean[i])) {
                throw new DataException(null, "sequence encoding: a spread is not a positive number");
            }
        }
        return new SequenceEncoding(columns, mean, std, maxLength);
    }
}
