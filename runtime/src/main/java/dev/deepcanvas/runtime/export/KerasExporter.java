package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.export.ExportGraph.Step;
import dev.deepcanvas.runtime.shape.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A network as tf.keras code (TensorFlow 2): a Sequential model with one {@code model.add} per
 * layer when the network is a chain, as the course writes its MLP, else the functional API; each
 * line names the layer's id and output shape. Then the project's optimiser, loss, metric,
 * schedule, early stopping, batch size, epochs and seed, and for a CSV project the same data
 * loading as the PyTorch export (DeepCanvas's split and fitted encoding).
 */
public final class KerasExporter {

    public static final String FILE = Framework.KERAS.mainFile();

    /** Layers that take Keras masks; token padding is masked only when every layer after the tokens is one of them. */
    private static final Set<String> MASKING = Set.of("Embedding", "Dense", "Dropout", "Activation", "LayerNormalization", "SimpleRNN", "LSTM",
            "Bidirectional", "LastTimeStep", "GlobalPooling", "PositionEmbedding", "SelfAttention", "Add", "Concatenate", "Output");

    public ExportResult export(NetworkDocument doc, PreparedData data, Path dataFile, Path folder) throws ExportException, IOException {
        ExportGraph graph = ExportGraph.of(doc);
        return PythonExport.write(graph, data, dataFile, folder, FILE, graph.analysis().trainableParameters(), this::source);
    }

    /** The code without data loading. */
    public String source(NetworkDocument doc) throws ExportException {
        return source(ExportGraph.of(doc), null, new ArrayList<>());
    }

    private String source(ExportGraph graph, PythonTableData data, List<String> notes) throws ExportException {
        NetworkDocument doc = graph.document();
        TrainingSetup t = doc.training();
        // tf.keras' global max pooling ignores masks: with it, padding is not masked at all rather than masked wrongly
        boolean masks = graph.steps().stream().allMatch(s -> s.kind().isNetworkInput() || MASKING.contains(s.kind().id())
                && !(s.kind().id().equals("GlobalPooling") && "max".equals(s.params().choice("type"))));
        if (!masks && graph.inputs().stream().anyMatch(s -> s.shape() instanceof Shape.Tokens)) {
            notes.add("Token padding is not masked in the Keras code: some layer after the tokens does not take Keras masks.");
        }
        KerasLayers layers = new KerasLayers(t.l2() > 0, masks);
        boolean sequential = graph.isChain() && graph.steps().stream().noneMatch(s -> s.kind().id().equals("SelfAttention"));

        // which LastTimeSteps the recurrent layer before them takes over (return_sequences=False)
        Map<String, Integer> fanOut = new HashMap<>();
        graph.steps().forEach(s -> s.inputs().forEach(i -> fanOut.merge(i, 1, Integer::sum)));
        Map<String, Step> byName = new HashMap<>();
        graph.steps().forEach(s -> byName.put(s.name(), s));
        Set<String> lastStepReturned = new HashSet<>();
        Set<String> folded = new HashSet<>();
        for (Step s : graph.steps()) {
            if (s.kind().id().equals("LastTimeStep")) {
                Step before = byName.get(s.inputs().get(0));
                if (Set.of("LSTM", "SimpleRNN").contains(before.kind().id()) && fanOut.get(before.name()) == 1) {
                    lastStepReturned.add(before.name());
                    folded.add(s.name());
                }
            }
        }

        PythonCode model = PythonCode.create();
        String modelName = PythonCode.str(ExportGraph.identifier(doc.name().toLowerCase(Locale.ROOT)));
        if (sequential) {
            model.line(1, "model = keras.Sequential(name=" + modelName + ")");
        }
        Map<String, String> alias = new HashMap<>();
        for (Step s : graph.steps()) {
            String shape = s.id() + ": " + s.shape().display();
            if (s.kind().isNetworkInput()) {
                String input = input(s);
                model.commented(1, sequential ? "model.add(" + input + ")" : s.name() + " = " + input, shape);
                continue;
            }
            KerasLayers.Layer layer = layers.of(s, folded.contains(s.name()), lastStepReturned.contains(s.name()));
            String comment = shape + (lastStepReturned.contains(s.name()) ? ", of which it returns the last step" : "")
                    + (layer.note().isEmpty() ? "" : "; " + layer.note());
            List<String> in = s.inputs().stream().map(i -> alias.getOrDefault(i, i)).toList();
            if (layer.call() == null) {
                if (sequential) {
                    model.line(1, "# " + comment);
                } else {
                    alias.put(s.name(), in.get(0));
                    model.commented(1, s.name() + " = " + in.get(0), comment);
                }
            } else if (sequential) {
                model.commented(1, "model.add(" + layer.call() + ")", comment);
            } else {
                String args = layer.twoInputs() ? in.get(0) + ", " + in.get(0) : in.size() == 1 ? in.get(0) : "[" + String.join(", ", in) + "]";
                model.commented(1, s.name() + " = " + layer.call() + "(" + args + ")", comment);
            }
        }
        if (sequential) {
            model.line(1, "return model");
        } else {
            String inputs = names(graph.inputs(), alias);
            String outputs = names(graph.outputs(), alias);
            model.line(1, "return keras.Model(inputs=" + inputs + ", outputs=" + outputs + ", name=" + modelName + ")");
        }

        PythonCode py = PythonCode.create();
        py.line(0, "\"\"\"" + PythonCode.docstring(doc.name()) + ", exported from DeepCanvas as Keras (TensorFlow 2, tf.keras).");
        py.blank();
        py.line(0, "Each layer is one line, with its DeepCanvas id and output shape. Keras counts parameters as");
        py.line(0, String.format(Locale.ROOT, "DeepCanvas does: %,d trainable. Weights start from Keras' own initialisation.", graph.analysis().trainableParameters()));
        py.blank();
        py.line(0, data != null ? "Run: python3 " + FILE + "   (trains on the project's data with DeepCanvas's split and encoding)"
                : "Import it, or run: python3 " + FILE + "   (builds the model and prints its summary)");
        py.line(0, "\"\"\"");

        PythonCode body = PythonCode.create();
        body.line(0, "SEED = " + t.seed());
        body.line(0, "BATCH_SIZE = " + t.batchSize());
        body.line(0, "EPOCHS = " + t.epochs());
        body.line(0, "LEARNING_RATE = " + PythonCode.num(t.learningRate()));
        if (t.l2() > 0) {
            body.commented(0, "L2 = keras.regularizers.l2(" + PythonCode.num(t.l2() / 2) + ")", "DL4J's L2 of " + PythonCode.num(t.l2())
                    + " adds " + PythonCode.num(t.l2()) + " × w to the gradient, as Keras' l2(" + PythonCode.num(t.l2() / 2) + ") does");
        }
        body.blank();
        body.blank();
        String helpers = helpers(layers);
        if (!helpers.isEmpty()) {
            body.line(0, helpers.stripTrailing());
            body.blank();
            body.blank();
        }
        body.line(0, "def build_model():");
        body.line(0, model.toString().stripTrailing());
        body.blank();
        body.blank();
        compile(body, graph, t);
        if (data != null) {
            body.blank();
            body.blank();
            data.write(body);
            body.blank();
            body.blank();
            arrays(body, data.labels(doc, graph.outputs().get(0).params().choice("loss")));
        }
        body.blank();
        body.blank();
        body.line(0, "if __name__ == \"__main__\":");
        body.line(1, "keras.utils.set_random_seed(SEED)");
        body.line(1, "model = build_model()");
        body.line(1, "compile_model(model)");
        body.line(1, "model.summary()");
        if (data != null) {
            body.line(1, "(x_train, y_train), (x_validation, y_validation), (x_test, y_test) = load_splits()");
            body.line(1, "validation = (x_validation, y_validation) if len(x_validation) else None");
            body.line(1, "model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, validation_data=validation, shuffle=True,");
            body.line(1, "          callbacks=callbacks(\"val_loss\" if validation else \"loss\"))");
            body.line(1, "if len(x_test):");
            body.line(2, "print(\"test:\", model.evaluate(x_test, y_test, return_dict=True))");
        }

        String code = body.toString();
        py.standardImports(code);
        if (code.contains("np.")) {
            py.line(0, "import numpy as np");
        }
        if (code.contains("tf.")) {
            py.line(0, "import tensorflow as tf");
        }
        py.line(0, "from tensorflow import keras");
        py.line(0, "from tensorflow.keras import layers");
        py.blank();
        return py + code;
    }

    private static String names(List<Step> steps, Map<String, String> alias) {
        List<String> names = steps.stream().map(s -> alias.getOrDefault(s.name(), s.name())).toList();
        return names.size() == 1 ? names.get(0) : "[" + String.join(", ", names) + "]";
    }

    private static String input(Step s) {
        Shape shape = s.shape();
        String name = ", name=" + PythonCode.str(s.name());
        if (shape instanceof Shape.Image i) {
            return String.format(Locale.ROOT, "keras.Input(shape=(%d, %d, %d)%s)", i.height(), i.width(), i.channels(), name);
        }
        if (shape instanceof Shape.Sequence q) {
            return String.format(Locale.ROOT, "keras.Input(shape=(%s, %d)%s)", q.timeSteps() == Shape.VARIABLE ? "None" : String.valueOf(q.timeSteps()),
                    q.features(), name);
        }
        if (shape instanceof Shape.Tokens tk) {
            return String.format(Locale.ROOT, "keras.Input(shape=(%s,), dtype=\"int32\"%s)", tk.timeSteps() == Shape.VARIABLE ? "None"
                    : String.valueOf(tk.timeSteps()), name);
        }
        return "keras.Input(shape=(" + shape.size() + ",)" + name + ")";
    }

    private static void compile(PythonCode py, ExportGraph graph, TrainingSetup t) {
        String clip = t.gradientClip() > 0 ? ", clipnorm=" + PythonCode.num(t.gradientClip()) : "";
        String optimizer = switch (t.optimizer()) {
            case SGD -> "keras.optimizers.SGD(learning_rate=LEARNING_RATE" + clip + ")";
            case NESTEROV -> "keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=" + PythonCode.num(t.momentum()) + ", nesterov=True" + clip + ")";
            case ADAM -> "keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=" + PythonCode.num(t.beta1()) + ", beta_2=" + PythonCode.num(t.beta2())
                    + ", epsilon=" + PythonCode.num(t.epsilon()) + clip + ")";
            case RMSPROP -> "keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=" + PythonCode.num(t.momentum()) + ", epsilon="
                    + PythonCode.num(t.epsilon()) + clip + ")";
            case ADAGRAD -> "keras.optimizers.Adagrad(learning_rate=LEARNING_RATE, epsilon=" + PythonCode.num(t.epsilon()) + clip + ")";
        };
        List<String> losses = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        for (Step o : graph.outputs()) {
            String loss = o.params().choice("loss");
            losses.add(switch (loss) {
                case "cross_entropy" -> "\"categorical_crossentropy\"";
                case "binary_cross_entropy" -> "\"binary_crossentropy\"";
                case "mae" -> "\"mae\"";
                default -> "\"mse\"";
            });
            metrics.add(loss.endsWith("cross_entropy") ? "\"accuracy\"" : "\"mae\"");
        }
        py.line(0, "def compile_model(model):");
        if (t.gradientClip() > 0) {
            py.line(1, "# clipnorm clips each weight tensor's gradient; DL4J clips each layer's together");
        }
        py.line(1, "model.compile(");
        py.line(2, "optimizer=" + optimizer + ",");
        py.line(2, "loss=" + (losses.size() == 1 ? losses.get(0) : "[" + String.join(", ", losses) + "]") + ",");
        py.line(2, "metrics=[" + (metrics.size() == 1 ? metrics.get(0) : String.join(", ", metrics.stream().distinct().toList())) + "],");
        py.line(1, ")");
        py.blank();
        py.blank();
        py.line(0, "def callbacks(monitor=\"val_loss\"):");
        py.line(1, "\"\"\"The schedule and early stopping DeepCanvas trains with; without validation examples it watches the training loss.\"\"\"");
        py.line(1, "result = []");
        switch (t.decay()) {
            case STEP -> py.line(1, "result.append(keras.callbacks.LearningRateScheduler(lambda epoch: LEARNING_RATE * " + PythonCode.num(t.decayRate())
                    + " ** (epoch // " + t.decayEvery() + ")))");
            case EXPONENTIAL -> py.line(1, "result.append(keras.callbacks.LearningRateScheduler(lambda epoch: LEARNING_RATE * "
                    + PythonCode.num(t.decayRate()) + " ** epoch))");
            case NONE -> { }
        }
        if (t.patience() > 0) {
            py.line(1, "result.append(keras.callbacks.EarlyStopping(monitor=monitor, patience=" + t.patience() + "))");
        }
        if (t.keepBest()) {
            py.line(1, "result.append(KeepBest(monitor))");
        }
        py.line(1, "return result");
        if (t.keepBest()) {
            py.blank();
            py.blank();
            py.line(0, "class KeepBest(keras.callbacks.Callback):");
            py.line(1, "\"\"\"Restores the weights of the epoch with the lowest monitored loss when training ends, as DeepCanvas keeps them.\"\"\"");
            py.blank();
            py.line(1, "def __init__(self, monitor):");
            py.line(2, "super().__init__()");
            py.line(2, "self.monitor, self.best, self.weights = monitor, float(\"inf\"), None");
            py.blank();
            py.line(1, "def on_epoch_end(self, epoch, logs=None):");
            py.line(2, "value = (logs or {}).get(self.monitor)");
            py.line(2, "if value is not None and value < self.best:");
            py.line(3, "self.best, self.weights = value, self.model.get_weights()");
            py.blank();
            py.line(1, "def on_train_end(self, logs=None):");
            py.line(2, "if self.weights is not None:");
            py.line(3, "self.model.set_weights(self.weights)");
        }
    }

    /** The rows as numpy arrays, labels one-hot for categorical cross-entropy as DeepCanvas encodes them. */
    private static void arrays(PythonCode py, PythonTableData.Labels labels) {
        py.line(0, "def load_splits():");
        py.line(1, "\"\"\"The training, validation and test splits DeepCanvas made, as (features, labels) arrays.\"\"\"");
        py.line(1, "splits = load_rows()");
        py.blank();
        py.line(1, "def arrays(pairs):");
        py.line(2, "x = np.array([features for features, _ in pairs], dtype=\"float32\")");
        if (labels == PythonTableData.Labels.INDEX || labels == PythonTableData.Labels.ONE_HOT) {
            py.line(2, "y = keras.utils.to_categorical([label for _, label in pairs], num_classes=len(CLASSES))");
        } else {
            py.line(2, "y = np.array([[label] for _, label in pairs], dtype=\"float32\")");
        }
        py.line(2, "return x, y");
        py.blank();
        py.line(1, "return arrays(splits[\"train\"]), arrays(splits[\"validation\"]), arrays(splits[\"test\"])");
    }

    private static String helpers(KerasLayers layers) {
        List<String> parts = new ArrayList<>();
        if (layers.positionEmbedding) {
            parts.add("""
                    class PositionEmbedding(layers.Layer):
                        \"\"\"A learned vector per position, added to the input (as keras_nlp's PositionEmbedding, summed).\"\"\"

                        def __init__(self, sequence_length, **kwargs):
                            super().__init__(**kwargs)
                            self.sequence_length = sequence_length
                            self.supports_masking = True

                        def build(self, input_shape):
                            self.position = self.add_weight(name="position", shape=(self.sequence_length, input_shape[-1]),
                                                            initializer="glorot_uniform")

                        def call(self, x):
                            return x + self.position[: tf.shape(x)[1]]
                    """);
        }
        if (layers.lastTimeStep) {
            parts.add("""
                    class LastTimeStep(layers.Layer):
                        \"\"\"Each sequence's output at its last real step (the mask's), as DeepCanvas's LastTimeStep.\"\"\"

                        def call(self, x, mask=None):
                            if mask is None:
                                return x[:, -1]
                            last = tf.maximum(tf.reduce_sum(tf.cast(mask, "int32"), axis=1) - 1, 0)
                            return tf.gather(x, last, batch_dims=1)

                        def compute_mask(self, inputs, mask=None):
                            return None
                    """);
        }
        return String.join("\n\n", parts);
    }
}
