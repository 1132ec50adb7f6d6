package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.export.ExportGraph.Step;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each catalog kind as a tf.keras layer: its constructor call, with the DeepCanvas id as the
 * layer's name. Keras lays tensors out as DeepCanvas shows them (channels last, time before
 * features) and counts parameters the same way, so the code carries over shape for shape.
 */
final class KerasLayers {

    /**
     * @param call the layer's constructor, or null when the layer is folded into the one before it
     * @param note for the line's comment; empty if nothing to say
     * @param twoInputs true when the layer is called as {@code layer(x, x)} (self-attention)
     */
    record Layer(String call, String note, boolean twoInputs) {}

    private final String regularizer;
    private final boolean masks;
    boolean positionEmbedding;
    boolean lastTimeStep;

    /**
     * @param l2 true when the project trains with L2: weights get {@code kernel_regularizer=L2}
     * @param masks true when token padding is masked (every layer the tokens reach takes Keras masks)
     */
    KerasLayers(boolean l2, boolean masks) {
        this.regularizer = l2 ? ", kernel_regularizer=L2" : "";
        this.masks = masks;
    }

    /**
     * @param folded true when {@code s} is a LastTimeStep right after the recurrent layer that
     *     feeds only it: that layer then returns its last step itself (the mask's last real step)
     * @param returnsLastStep true when {@code s} is a recurrent layer that a folded LastTimeStep follows
     */
    Layer of(Step s, boolean folded, boolean returnsLastStep) throws ExportException {
        Params p = s.params();
        // a frozen layer keeps its weights while the rest trains
        String name = "name=" + PythonCode.str(s.name()) + (s.info().frozen() ? ", trainable=False" : "");
        return switch (s.kind().id()) {
            case "Dense" -> layer(String.format(Locale.ROOT, "layers.Dense(%d%s%s%s, %s)", p.integer("units"), activationArg(s, p.choice("activation")),
                    p.bool("useBias") ? "" : ", use_bias=False", regularizer, name));
            case "Dropout" -> layer("layers.Dropout(" + PythonCode.num(p.decimal("rate")) + ", " + name + ")");
            case "Activation" -> layer("layers.Activation(" + activation(s, p.choice("function")) + ", " + name + ")");
            case "BatchNorm" -> layer("layers.BatchNormalization(momentum=" + PythonCode.num(p.decimal("momentum")) + ", epsilon="
                    + PythonCode.num(p.decimal("epsilon")) + ", " + name + ")");
            case "LayerNormalization" -> layer("layers.LayerNormalization(epsilon=" + PythonCode.num(p.decimal("epsilon")) + ", " + name + ")");
            case "Flatten" -> s.inputShape() instanceof Shape.Image
                    ? new Layer("layers.Flatten(" + name + ")", "Keras flattens channels last (H×W×C), DL4J channels first: the same values in another order",
                            false)
                    : layer("layers.Flatten(" + name + ")");
            case "ZeroPadding2D" -> layer(String.format(Locale.ROOT, "layers.ZeroPadding2D(((%d, %d), (%d, %d)), %s)", p.integer("top"), p.integer("bottom"),
                    p.integer("left"), p.integer("right"), name));
            case "Conv2D", "Conv1D" -> layer(String.format(Locale.ROOT, "layers.%s(%d, %d%s%s%s%s%s%s, %s)", s.kind().id(), p.integer("filters"),
                    p.integer("kernel"), p.integer("stride") == 1 ? "" : ", strides=" + p.integer("stride"),
                    "same".equals(p.choice("padding")) ? ", padding=\"same\"" : "", p.integer("dilation") == 1 ? "" : ", dilation_rate=" + p.integer("dilation"),
                    activationArg(s, p.choice("activation")), p.bool("useBias") ? "" : ", use_bias=False", regularizer, name));
            case "MaxPool2D", "AvgPool2D" -> layer(String.format(Locale.ROOT, "layers.%s(%d, strides=%d%s, %s)",
                    s.kind().id().equals("MaxPool2D") ? "MaxPooling2D" : "AveragePooling2D", p.integer("pool"), p.integer("stride"),
                    "same".equals(p.choice("padding")) ? ", padding=\"same\"" : "", name));
            case "GlobalPooling" -> layer(String.format(Locale.ROOT, "layers.Global%sPooling%s(%s)", "max".equals(p.choice("type")) ? "Max" : "Average",
                    s.inputShape() instanceof Shape.Image ? "2D" : "1D", name));
            case "LocalResponseNormalization" -> {
                // DL4J sums depth / 2 channels on each side, as TensorFlow's radius does
                int depth = p.integer("depth");
                yield new Layer(String.format(Locale.ROOT, "layers.Lambda(lambda x: tf.nn.local_response_normalization(x, depth_radius=%d, bias=%s, alpha=%s, "
                        + "beta=%s), %s)", depth / 2, PythonCode.num(p.decimal("k")), PythonCode.num(p.decimal("alpha")), PythonCode.num(p.decimal("beta")), name),
                        "Keras has no LRN layer: TensorFlow's, over " + (2 * (depth / 2) + 1) + " channels", false);
            }
            case "SimpleRNN", "LSTM" -> layer(recurrent(s.kind().id(), s, p, returnsLastStep, name));
            case "Bidirectional" -> {
                String merge = switch (p.choice("merge")) {
                    case "add" -> "sum";
                    case "average" -> "ave";
                    default -> p.choice("merge");
                };
                String cell = recurrent("lstm".equals(p.choice("cell")) ? "LSTM" : "SimpleRNN", s, p, returnsLastStep, null);
                yield layer("layers.Bidirectional(" + cell + ", merge_mode=" + PythonCode.str(merge) + ", " + name + ")");
            }
            case "LastTimeStep" -> {
                if (folded) {
                    yield new Layer(null, "the recurrent layer above returns only its last step", false);
                }
                lastTimeStep = true;
                yield layer("LastTimeStep(" + name + ")");
            }
            case "Embedding" -> {
                // token id 0 is padding: the mask then reaches pooling, recurrent layers and attention, as DeepCanvas masks them
                boolean tokens = s.inputShape() instanceof Shape.Tokens;
                yield layer(String.format(Locale.ROOT, "layers.Embedding(%d, %d%s, %s)", p.integer("vocabulary"), p.integer("dimension"),
                        tokens && masks ? ", mask_zero=True" : "", name));
            }
            case "PositionEmbedding" -> {
                positionEmbedding = true;
                yield layer("PositionEmbedding(" + ((Shape.Sequence) s.inputShape()).timeSteps() + ", " + name + ")");
            }
            case "SelfAttention" -> {
                if (!p.bool("projectInput")) {
                    throw new ExportException("Layer '" + s.id() + "' (SelfAttention) attends without projections; Keras' MultiHeadAttention always"
                            + " projects. Turn projectInput on to export it.");
                }
                yield new Layer(String.format(Locale.ROOT, "layers.MultiHeadAttention(%d, %d, use_bias=False, output_shape=%d%s, %s)", p.integer("heads"),
                        p.integer("headSize"), p.integer("units"), regularizer, name), "no biases, as DL4J's self-attention", true);
            }
            case "Add" -> layer("layers.Add(" + name + ")");
            case "Concatenate" -> layer("layers.Concatenate(" + name + ")");
            case "Output" -> layer(String.format(Locale.ROOT, "layers.Dense(%d%s%s, %s)", p.integer("units"), activationArg(s, p.choice("activation")),
                    regularizer, name));
            default -> throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") has no Keras export yet.");
        };
    }

    private static Layer layer(String call) {
        return new Layer(call, "", false);
    }

    private String recurrent(String cell, Step s, Params p, boolean returnsLastStep, String name) throws ExportException {
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(p.integer("units")));
        String activation = p.choice("activation");
        if (!"tanh".equals(activation)) {
            args.add("activation=" + activation(s, activation));
        }
        if (!returnsLastStep) {
            args.add("return_sequences=True");
        }
        if (!regularizer.isEmpty()) {
            args.add("kernel_regularizer=L2");
            args.add("recurrent_regularizer=L2");
        }
        if (name != null) {
            args.add(name);
        }
        return "layers." + cell + "(" + String.join(", ", args) + ")";
    }

    private String activationArg(Step s, String fn) throws ExportException {
        return "identity".equals(fn) ? "" : ", activation=" + activation(s, fn);
    }

    /** A Keras activation name, or a function where Keras' own differs from DL4J's (hard sigmoid, leaky ReLU's slope). */
    static String activation(Step s, String fn) throws ExportException {
        return switch (fn) {
            case "relu", "elu", "selu", "gelu", "swish", "mish", "sigmoid", "tanh", "softmax", "softplus", "softsign" -> PythonCode.str(fn);
            case "identity" -> "\"linear\"";
            case "relu6" -> "tf.nn.relu6";
            case "leaky_relu" -> "lambda x: tf.nn.leaky_relu(x, alpha=0.01)";
            case "hard_sigmoid" -> "lambda x: tf.clip_by_value(0.2 * x + 0.5, 0.0, 1.0)";
            case "hard_tanh" -> "lambda x: tf.clip_by_value(x, -1.0, 1.0)";
            case "thresholded_relu" -> "lambda x: x * tf.cast(x > 1.0, x.dtype)";
            case "rectified_tanh" -> "lambda x: tf.nn.relu(tf.tanh(x))";
            case "cube" -> "lambda x: x ** 3";
            case "rational_tanh" -> "lambda x: 1.7159 * tf.sign(x) * (1.0 - 1.0 / (1.0 + tf.abs(2.0 * x / 3.0) + (2.0 * x / 3.0) ** 2 + 1.41645 * (2.0 * x / 3.0) ** 4))";
            default -> throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") uses activation '" + fn
                    + "', which Keras does not have (it draws a random slope while training). Choose another activation to export it.");
        };
    }
}
