package dev.deepcanvas.runtime.catalog;

import dev.deepcanvas.runtime.document.LayerNode;
import java.util.Map;

/** A node's parameter values with the catalog defaults filled in, read by name and type. */
public final class Params {

    private final LayerKind kind;
    private final Map<String, Object> values;

    public Params(LayerKind kind, Map<String, Object> values) {
        this.kind = kind;
        this.values = values;
    }

    public static Params of(LayerKind kind, LayerNode node) {
        return new Params(kind, node.params());
    }

    public Object get(String name) {
        Object v = values.get(name);
        return v != null ? v : kind.param(name).defaultValue();
    }

    public int integer(String name) {
        return Math.toIntExact(((Number) get(name)).longValue());
    }

    public double decimal(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean bool(String name) {
        return (Boolean) get(name);
    }

    public String choice(String name) {
        return (String) get(name);
    }
}
