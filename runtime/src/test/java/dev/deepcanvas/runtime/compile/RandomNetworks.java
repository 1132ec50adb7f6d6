package dev.deepcanvas.runtime.compile;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
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
 * sometimes two inputs or two outputs. Each proposed layer is kept only if the catalog's own shape
 * rule accepts it, so the generator needs no knowledge of its own about shapes.
 */
final class RandomNetworks {

    private static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "elu", "leaky_relu", "identity", "softsign");

    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Random rnd;
    private DocumentBuilder b;
    private final Map<String, Shape> shapes = new HashMap<>();

    RandomNetworks(long seed) {
        rnd = new Random(seed);
    }

    NetworkDocument next(int index) {
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
        Shape s = shapes.get(head);
        int choice = rnd.nextInt(100);
        if (choice < 12) {
            return branchAndMerge(head);
        }
        if (s instanceof Shape.Flat) {
            return pick(head,
                    new Object[] {"Dense", "units", 1 + rnd.nextInt(12), "activation", activation(), "useBias", rnd.nextBoolean()},
                    new Object[] {"Dropout", "rate", rnd.nextInt(9) / 10.0},
                    new Object[] {"Activation", "function", activation()},
                    new Object[] {"BatchNorm"},
                    new Object[] {"LayerNormalization"});
        }
        if (s instanceof Shape.Image) {
            return pick(head,
                    conv2d(),
                    new Object[] {"MaxPool2D", "pool", 1 + rnd.nextInt(2), "stride", 1 + rnd.nextInt(2), "padding", padding()},
                    new Object[] {"AvgPool2D", "pool", 1 + rnd.nextInt(2), "stride", 1 + rnd.nextInt(2), "padding", padding()},
                    new Object[] {"BatchNorm"},
                    new Object[] {"Dropout", "rate", 0.25},
                    new Object[] {"Activation", "function", activation()},
                    new Object[] {rnd.nextBoolean() ? "Flatten" : "GlobalPooling", "type", rnd.nextBoolean() ? "max" : "avg"});
        }
        boolean project = rnd.nextInt(3) > 0;
        return pick(head,
                new Object[] {"Conv1D", "filters", 1 + rnd.nextInt(5), "kernel", 1 + rnd.nextInt(3), "stride", 1 + rnd.nextInt(2), "padding", padding(), "dilation", 1 + rnd.nextInt(2), "activation", activation()},
                new Object[] {"SimpleRNN", "units", 1 + rnd.nextInt(6), "activation", activation()},
                new Object[] {"LSTM", "units", 1 + rnd.nextInt(6)},
                new Object[] {"Bidirectional", "cell", rnd.nextBoolean() ? "lstm" : "simple_rnn", "units", 1 + rnd.nextInt(5), "merge", List.of("concat", "add", "mul", "average").get(rnd.nextInt(4))},
                new Object[] {"SelfAttention", "heads", project ? 1 + rnd.nextInt(2) : 1, "headSize", 1 + rnd.nextInt(4), "units", 1 + rnd.nextInt(6), "projectInput", project},
                new Object[] {"Dropout", "rate", 0.1},
                new Object[] {"Activation", "function", activation()},
                new Object[] {"Dense", "units", 1 + rnd.nextInt(6), "activation", activation(), "useBias", rnd.nextBoolean()},
                new Object[] {"LayerNormalization"},
                new Object[] {"PositionEmbedding"},
                new Object[] {rnd.nextBoolean() ? "LastTimeStep" : "GlobalPooling"});
    }

    /** Two branches from head, joined by Add (same shape) or Concatenate. */
    private String branchAndMerge(String head) {
        Shape s = shapes.get(head);
        if (s instanceof Shape.Tokens) {
            return null;
        }
        String left;
        String right;
        if (s instanceof Shape.Flat) {
            int units = 1 + rnd.nextInt(8);
            left = add(List.of(head), "Dense", "units", units);
            right = rnd.nextBoolean() ? head : add(List.of(head), "Dense", "units", rnd.nextBoolean() ? units : units + 1);
        } else if (s instanceof Shape.Image) {
            int filters = 1 + rnd.nextInt(4);
            left = add(List.of(head), "Conv2D", "filters", filters, "kernel", 3, "padding", "same");
            right = add(List.of(head), "Conv2D", "filters", rnd.nextBoolean() ? filters : filters + 2, "kernel", 1, "padding", "same");
        } else {
            int units = 1 + rnd.nextInt(5);
            left = add(List.of(head), "LSTM", "units", units);
            right = add(List.of(head), "SimpleRNN", "units", rnd.nextBoolean() ? units : units + 1);
        }
        if (left == null || right == null) {
            return null;
        }
        String merge = shapes.get(left).equals(shapes.get(right)) && rnd.nextBoolean() ? "Add" : "Concatenate";
        return add(List.of(left, right), merge);
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

    private void output(String head) {
        Object[] preset = switch (rnd.nextInt(4)) {
            case 0 -> new Object[] {"activation", "softmax", "loss", "cross_entropy", "units", 2 + rnd.nextInt(4)};
            case 1 -> new Object[] {"activation", "sigmoid", "loss", "binary_cross_entropy", "units", 1 + rnd.nextInt(3)};
            case 2 -> new Object[] {"activation", "identity", "loss", "mse", "units", 1 + rnd.nextInt(3)};
            default -> new Object[] {"activation", "identity", "loss", "mae", "units", 1};
        };
        Object[] spec = new Object[preset.length + 1];
        spec[0] = "Output";
        System.arraycopy(preset, 0, spec, 1, preset.length);
        b.from(head);
        if (addSpec(List.of(head), spec) == null) {
            throw new IllegalStateException("generator produced an un-headable shape " + shapes.get(head));
        }
    }

    private Object[] conv2d() {
        return new Object[] {"Conv2D", "filters", 1 + rnd.nextInt(6), "kernel", 1 + rnd.nextInt(3), "stride", 1 + rnd.nextInt(2),
            "padding", padding(), "dilation", 1 + rnd.nextInt(2), "activation", activation(), "useBias", rnd.nextBoolean()};
    }

    private String padding() {
        return rnd.nextBoolean() ? "same" : "valid";
    }

    private String activation() {
        return ACTIVATIONS.get(rnd.nextInt(ACTIVATIONS.size()));
    }

    private String pick(String head, Object[]... options) {
        Object[] spec = options[rnd.nextInt(options.length)];
        return addSpec(List.of(head), spec);
    }

    private String add(List<String> from, String kind, Object... params) {
        Object[] spec = new Object[params.length + 1];
        spec[0] = kind;
        System.arraycopy(params, 0, spec, 1, params.length);
        return addSpec(from, spec);
    }

    /** Adds the layer if its shape rule accepts the inputs; returns its id, or null. */
    private String addSpec(List<String> from, Object[] spec) {
        String kindId = (String) spec[0];
        LayerKind kind = catalog.get(kindId);
        Map<String, Object> values = new LinkedHashMap<>();
        List<Object> pairs = new ArrayList<>();
        for (int i = 1; i + 1 < spec.length; i += 2) {
            if (kind.hasParam((String) spec[i])) {
                Object v = spec[i + 1] instanceof Integer n ? n.longValue() : spec[i + 1];
                values.put((String) spec[i], v);
                pairs.add(spec[i]);
                pairs.add(v);
            }
        }
        List<Shape> inputs = from.stream().map(shapes::get).toList();
        Shape out;
        try {
            out = kind.infer(new LayerKind.ShapeContext(inputs, new Params(kind, values), new ArrayList<>())).output();
        } catch (ShapeProblem rejected) {
            return null;
        }
        String id = from.size() == 1 ? b.from(from.get(0)).then(kindId, pairs.toArray())
                : from.isEmpty() ? b.add(kindId, pairs.toArray()) : b.merge(kindId, from, pairs.toArray());
        shapes.put(id, out);
        return id;
    }
}
