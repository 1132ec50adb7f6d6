package dev.deepcanvas.runtime.compile;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Preset;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates random valid networks over the whole catalog: chains with branches that merge again,
 * sometimes two inputs or two outputs. Layers are drawn from the catalog itself, with parameters
 * drawn from each kind's declared ranges, and each is kept only if the kind's own shape rule
 * accepts it: the generator knows no kind but the inputs and the output's presets, so a new kind
 * is tested the day it joins the catalog.
 */
public final class RandomNetworks {

    /** Whole-number parameters are drawn from their minimum to this much above it. */
    static final int SMALL = 5;

    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Random rnd;
    private DocumentBuilder b;
    private final Map<String, Shape> shapes = new HashMap<>();

    public RandomNetworks(long seed) {
        rnd = new Random(seed);
    }

    public NetworkDocument next(int index) {
        b = new DocumentBuilder("random " + index);
        shapes.clear();
        String family = List.of("vector", "image", "sequence", "tokens").get(index % 4);
        String head = start(family);
        if (rnd.nextInt(4) == 0 && family.equals("vector")) {
            // A second input joined to the first.
            String first = head;
            String second = add(List.of(), "VectorInput", "features", 1 + rnd.nextInt(4));
            head = add(List.of(first, second), "Concatenate");
        }
        int steps = 2 + rnd.nextInt(5);
        for (int i = 0; i < steps; i++) {
            head = step(head);
        }
        head = toHeadable(head);
        if (rnd.nextInt(4) == 0) {
            // A second output from the same trunk.
            output(head);
        }
        output(head);
        return b.build();
    }

    private String start(String family) {
        return switch (family) {
            case "vector" -> add(List.of(), "VectorInput", "features", 1 + rnd.nextInt(6));
            case "image" -> add(List.of(), "ImageInput", "height", 5 + rnd.nextInt(7), "width", 5 + rnd.nextInt(7), "channels", 1 + rnd.nextInt(3));
            case "sequence" -> add(List.of(), "SequenceInput", "features", 1 + rnd.nextInt(5), "timeSteps", 3 + rnd.nextInt(5));
            default -> {
                String tokens = add(List.of(), "TokenInput", "timeSteps", 3 + rnd.nextInt(5));
                yield add(List.of(tokens), "Embedding", "vocabulary", 5 + rnd.nextInt(20), "dimension", 2 + rnd.nextInt(6));
            }
        };
    }

    /** One random layer (or a branch that merges again) after {@code head}. */
    private String step(String head) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String next = tryStep(head);
            if (next != null) {
                return next;
            }
        }
        return head;
    }

    private String tryStep(String head) {
        if (rnd.nextInt(100) < 12) {
            return branchAndMerge(head);
        }
        return layer(head);
    }

    /**
     * Any single-input layer kind of the catalog after {@code head}, its parameters drawn from its
     * own {@link ParamSpec} ranges: a new kind needs nothing here. Null when its shape rule refuses.
     */
    private String layer(String head) {
        return addSpec(List.of(head), drawn(randomLayerKind()));
    }

    private LayerKind randomLayerKind() {
        List<LayerKind> kinds = catalog.kinds().stream()
                .filter(k -> !k.isNetworkInput() && !k.isNetworkOutput() && k.maxInputs() == 1)
                .toList();
        return kinds.get(rnd.nextInt(kinds.size()));
    }

    /**
     * Two branches from head (one may be head itself), joined by a merging kind of the catalog;
     * nothing is added unless all three layers are accepted (a branch left dangling would not be
     * part of the compiled graph).
     */
    private String branchAndMerge(String head) {
        Shape s = shapes.get(head);
        if (s instanceof Shape.Tokens) {
            return null;
        }
        Object[] left = drawn(randomLayerKind());
        Object[] right = rnd.nextBoolean() ? null : drawn(randomLayerKind());
        Shape leftShape = infer(List.of(s), left);
        Shape rightShape = right == null ? s : infer(List.of(s), right);
        List<LayerKind> merges = catalog.kinds().stream().filter(k -> k.maxInputs() > 1).toList();
        Object[] merge = drawn(merges.get(rnd.nextInt(merges.size())));
        if (leftShape == null || rightShape == null || infer(List.of(leftShape, rightShape), merge) == null) {
            return null;
        }
        String l = addSpec(List.of(head), left);
        String r = right == null ? head : addSpec(List.of(head), right);
        return addSpec(List.of(l, r), merge);
    }

    /** The kind's id and a value for each of its parameters, drawn from the parameter's declared range. */
    private Object[] drawn(LayerKind kind) {
        List<Object> spec = new ArrayList<>();
        spec.add(kind.id());
        for (ParamSpec p : kind.params()) {
            spec.add(p.name());
            spec.add(draw(p));
        }
        return spec.toArray();
    }

    /**
     * A value in the parameter's range: whole numbers near the bottom of it (networks stay tiny; a
     * size the shape rule refuses is drawn again), decimals across it (log-uniform over wide
     * positive ranges such as epsilons), any choice, either boolean.
     */
    Object draw(ParamSpec p) {
        return switch (p.type()) {
            case INTEGER -> {
                long min = p.min().longValue();
                long span = Math.min(p.max().longValue() - min, SMALL);
                yield min + (long) rnd.nextInt((int) span + 1);
            }
            case DECIMAL -> {
                double min = p.min().doubleValue();
                double max = p.max().doubleValue();
                yield min > 0 && max / min > 100 ? Math.exp(Math.log(min) + rnd.nextDouble() * (Math.log(max) - Math.log(min)))
                        : min + rnd.nextDouble() * (max - min);
            }
            case BOOLEAN -> rnd.nextBoolean();
            case CHOICE -> p.choices().get(rnd.nextInt(p.choices().size()));
        };
    }

    private String toHeadable(String head) {
        Shape s = shapes.get(head);
        if (s instanceof Shape.Image) {
            return add(List.of(head), rnd.nextBoolean() ? "Flatten" : "GlobalPooling");
        }
        if (s instanceof Shape.Sequence && rnd.nextInt(3) > 0) {
            return add(List.of(head), rnd.nextBoolean() ? "LastTimeStep" : "GlobalPooling");
        }
        return head;
    }

    /**
     * An output head: one of the output kind's presets (the combinations of activation and loss a
     * user is offered), with the number of units drawn unless the preset fixes it to one.
     */
    private void output(String head) {
        // the kind refuses some draws (e.g. cross-entropy over one unit): draw again
        for (int attempt = 0; attempt < 50; attempt++) {
            if (tryOutput(head)) {
                return;
            }
        }
        throw new IllegalStateException("generator produced an un-headable shape " + shapes.get(head));
    }

    private boolean tryOutput(String head) {
        LayerKind kind = catalog.kinds().stream().filter(LayerKind::isNetworkOutput).findFirst().orElseThrow();
        Preset preset = kind.presets().get(rnd.nextInt(kind.presets().size()));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : kind.params()) {
            values.put(p.name(), draw(p));
        }
        preset.params().forEach((name, value) -> {
            if (!name.equals("units") || ((Number) value).longValue() == 1) {
                values.put(name, value);
            }
        });
        List<Object> spec = new ArrayList<>();
        spec.add(kind.id());
        values.forEach((name, value) -> {
            spec.add(name);
            spec.add(value);
        });
        return addSpec(List.of(head), spec.toArray()) != null;
    }





    private String add(List<String> from, String kind, Object... params) {
        Object[] spec = new Object[params.length + 1];
        spec[0] = kind;
        System.arraycopy(params, 0, spec, 1, params.length);
        return addSpec(from, spec);
    }

    /** Adds the layer if its shape rule accepts the inputs; returns its id, or null. */
    private String addSpec(List<String> from, Object[] spec) {
        Shape out = infer(from.stream().map(shapes::get).toList(), spec);
        if (out == null) {
            return null;
        }
        String kindId = (String) spec[0];
        Object[] pairs = pairs(spec);
        String id = from.size() == 1 ? b.from(from.get(0)).then(kindId, pairs)
                : from.isEmpty() ? b.add(kindId, pairs) : b.merge(kindId, from, pairs);
        shapes.put(id, out);
        return id;
    }

    /** The layer's output shape for these inputs by its kind's own rule, or null when the rule refuses. */
    private Shape infer(List<Shape> inputs, Object[] spec) {
        LayerKind kind = catalog.get((String) spec[0]);
        Object[] pairs = pairs(spec);
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        try {
            return kind.infer(new LayerKind.ShapeContext(inputs, new Params(kind, values), new ArrayList<>())).output();
        } catch (ShapeProblem rejected) {
            return null;
        }
    }

    /** The spec's name/value pairs the kind knows, whole numbers as longs. */
    private Object[] pairs(Object[] spec) {
        LayerKind kind = catalog.get((String) spec[0]);
        List<Object> pairs = new ArrayList<>();
        for (int i = 1; i + 1 < spec.length; i += 2) {
            if (kind.hasParam((String) spec[i])) {
                pairs.add(spec[i]);
                pairs.add(spec[i + 1] instanceof Integer n ? n.longValue() : spec[i + 1]);
            }
        }
        return pairs.toArray();
    }
}
