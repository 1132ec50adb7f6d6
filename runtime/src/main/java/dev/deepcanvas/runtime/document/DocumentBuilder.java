package dev.deepcanvas.runtime.document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds documents in code, a chain at a time: {@code b.add("VectorInput", "features", 20);
 * b.then("Dense", "units", 64);}. Ids are made from the kind (dense_1, dense_2, ...) and layers are
 * placed left to right by depth, so generated networks open tidily on the canvas.
 */
public final class DocumentBuilder {

    static final double COLUMN_WIDTH = 240;
    static final double ROW_HEIGHT = 130;

    private final NetworkDocument doc;
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<Integer, Integer> rowsInColumn = new HashMap<>();
    private String current;

    public DocumentBuilder(String name) {
        doc = new NetworkDocument(name);
    }

    /** Adds an unconnected layer (usually an input) and continues from it. */
    public String add(String kind, Object... params) {
        return place(kind, List.of(), params);
    }

    /** Adds a layer wired from the current one and continues from it. */
    public String then(String kind, Object... params) {
        return place(kind, List.of(current), params);
    }

    /** Adds a layer wired from each of {@code from}, in port order, and continues from it. */
    public String merge(String kind, List<String> from, Object... params) {
        return place(kind, from, params);
    }

    /** Continues from an earlier layer (to start a branch). */
    public DocumentBuilder from(String id) {
        current = id;
        return this;
    }

    public String current() {
        return current;
    }

    public NetworkDocument build() {
        return doc;
    }

    private String place(String kind, List<String> from, Object... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            Object v = params[i + 1];
            values.put((String) params[i], v instanceof Integer n ? n.longValue() : v);
        }
        String id = doc.freshId(kind);
        int column = from.stream().mapToInt(depth::get).max().orElse(-1) + 1;
        int row = rowsInColumn.merge(column, 1, Integer::sum) - 1;
        depth.put(id, column);
        doc.add(new LayerNode(id, kind, values, column * COLUMN_WIDTH, row * ROW_HEIGHT));
        for (int port = 0; port < from.size(); port++) {
            doc.connect(Edge.of(from.get(port), id, port));
        }
        current = id;
        return id;
    }
}
