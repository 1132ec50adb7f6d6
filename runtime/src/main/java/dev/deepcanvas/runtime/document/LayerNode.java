package dev.deepcanvas.runtime.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer on the canvas: a stable id (also its DL4J vertex name), a catalog kind, the parameters
 * the user set (absent ones take the catalog default) and a canvas position. Immutable: edits make
 * a new node, so an undo command can simply keep the old one. A frozen layer keeps its weights while
 * the network trains (transfer learning); gradients still flow through it to the layers before.
 *
 * <p>Parameter values are {@link Long}, {@link Double}, {@link Boolean} or {@link String}.
 */
public record LayerNode(String id, String kind, Map<String, Object> params, double x, double y, boolean frozen) {

    public LayerNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public LayerNode(String id, String kind, Map<String, Object> params, double x, double y) {
        this(id, kind, params, x, y, false);
    }

    public static LayerNode of(String id, String kind) {
        return new LayerNode(id, kind, Map.of(), 0, 0);
    }

    public LayerNode withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        if (value instanceof Integer i) {
            value = i.longValue();
        }
        copy.put(name, value);
        return new LayerNode(id, kind, copy, x, y, frozen);
    }

    public LayerNode withoutParam(String name) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.remove(name);
        return new LayerNode(id, kind, copy, x, y, frozen);
    }

    public LayerNode at(double newX, double newY) {
        return new LayerNode(id, kind, params, newX, newY, frozen);
    }

    public LayerNode withId(String newId) {
        return new LayerNode(newId, kind, params, x, y, frozen);
    }

    public LayerNode withFrozen(boolean on) {
        return new LayerNode(id, kind, params, x, y, on);
    }
}
