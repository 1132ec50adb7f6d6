package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.ParamType;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.document.LayerNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How layers are named to the user: "Dense 64", "Dropout 0.5", "ImageInput 28×28×1". */
public final class LayerNames {

    private final LayerCatalog catalog;

    public LayerNames(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public static LayerNames standard() {
        return new LayerNames(LayerCatalog.standard());
    }

    /** The kind and its most telling parameter, as in the Edit menu: "Dense 64". */
    public String label(LayerNode node) {
        Optional<LayerKind> found = catalog.find(node.kind());
        if (found.isEmpty()) {
            return node.kind();
        }
        LayerKind kind = found.get();
        Params params = Params.of(kind, node);
        if (kind.isNetworkInput()) {
            return inputShape(kind, params).map(s -> kind.id() + " " + s).orElse(kind.id());
        }
        List<String> key = kind.keyParams();
        if (key.isEmpty()) {
            return kind.id();
        }
        return kind.id() + " " + format(kind.param(key.get(0)), params.get(key.get(0)));
    }

    /** The key parameters for the node's face: "units 64 · relu". */
    public String keyParams(LayerNode node) {
        Optional<LayerKind> found = catalog.find(node.kind());
        if (found.isEmpty()) {
            return "";
        }
        LayerKind kind = found.get();
        Params params = Params.of(kind, node);
        List<String> parts = new ArrayList<>();
        for (String name : kind.keyParams()) {
            ParamSpec spec = kind.param(name);
            Object value = params.get(name);
            switch (spec.type()) {
                case CHOICE -> parts.add(value.toString());
                case BOOLEAN -> {
                    if ((Boolean) value) {
                        parts.add(name);
                    }
                }
                default -> parts.add(name + " " + format(spec, value));
            }
        }
        if (kind.keyParams().isEmpty()) {
            for (ParamSpec spec : kind.params()) {
                if (spec.type() != ParamType.BOOLEAN) {
                    parts.add(spec.name() + " " + format(spec, params.get(spec.name())));
                }
            }
        }
        return String.join(" · ", parts);
    }

    /** A value as the user typed it: 64, 0.5, relu, on/off. */
    public static String format(ParamSpec spec, Object value) {
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e6 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        if (value instanceof Boolean b) {
            return b ? "on" : "off";
        }
        return String.valueOf(value);
    }

    private static Optional<String> inputShape(LayerKind kind, Params params) {
        try {
            return Optional.of(kind.infer(new LayerKind.ShapeContext(List.of(), params, new ArrayList<>())).output().display());
        } catch (ShapeProblem | RuntimeException e) {
            return Optional.empty();
        }
    }
}
