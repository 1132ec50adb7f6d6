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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A network as one PyTorch file: an {@code nn.Module} written layer by layer (each line with the
 * layer id and its output shape), the project's optimiser, learning rate, schedule, batch size,
 * epochs, seed and loss, and a training loop. For a CSV project it also reads the data as
 * DeepCanvas prepared it: the same rows in each split ({@code split.json} beside the code) and the
 * encoding DeepCanvas fitted on the training split (means, scales, categories) written as constants.
 */
public final class PyTorchExporter {

    /** The module's file name. */
    public static final String FILE = Framework.PYTORCH.mainFile();
    public static final String SPLIT_FILE = PythonTableData.SPLIT_FILE;

    /**
     * Writes {@value #FILE} (and, for a CSV project, {@value #SPLIT_FILE}) into {@code folder}.
     *
     * @param data the project's prepared data, or null to export the network and loop alone
     * @param dataFile the data file {@code data} was read from, or null
     */
    public ExportResult export(NetworkDocument doc, PreparedData data, Path dataFile, Path folder) throws ExportException, IOException {
        ExportGraph graph = ExportGraph.of(doc);
        return PythonExport.write(graph, data, dataFile, folder, FILE, trainable(graph), this::source);
    }

    /** The module's source, without data loading. */
    public String source(NetworkDocument doc) throws ExportException {
        return source(ExportGraph.of(doc), null, new ArrayList<>());
    }

    private static long trainable(ExportGraph graph) throws ExportException {
        PyTorchLayers layers = new PyTorchLayers();
        long n = 0;
        Map<String, String> masks = new HashMap<>();
        for (Step s : graph.steps()) {
            if (!s.kind().isNetworkInput() && !s.info().frozen()) {
                n += layers.of(s, s.inputs(), masks.get(s.inputs().get(0))).trainable();
            }
        }
        return n;
    }

    private String source(ExportGraph graph, PythonTableData data, List<String> notes) throws ExportException {
        NetworkDocument doc = graph.document();
        TrainingSetup t = doc.training();
        PyTorchLayers layers = new PyTorchLayers();
        String className = className(doc.name());

        // the module: constructor and forward, one line per layer
        PythonCode init = PythonCode.create();
        PythonCode forward = PythonCode.create();
        Map<String, String> masks = new HashMap<>();
        List<String> arguments = new ArrayList<>();
        List<String> maskArguments = new ArrayList<>();
        List<String> frozenNorms = new ArrayList<>();
        long trainable = 0;
        List<String> differences = new ArrayList<>();
        for (Step s : graph.steps()) {
            String shape = s.id() + ": " + s.shape().display();
            if (s.kind().isNetworkInput()) {
                arguments.add(s.name());
                forward.commented(2, "# " + s.name() + ": " + inputLayout(s.shape()), "");
                if (s.shape() instanceof Shape.Tokens) {
                    masks.put(s.name(), s.name() + "_mask");
                    forward.commented(2, s.name() + "_mask = " + s.name() + " != 0", "token id 0 is padding");
                } else if (s.shape() instanceof Shape.Sequence q && q.timeSteps() == Shape.VARIABLE) {
                    masks.put(s.name(), s.name() + "_mask");
                    maskArguments.add(s.name() + "_mask=None"); // after every input, so that inputs stay positional
                }
                continue;
            }
            String mask = masks.get(s.inputs().get(0));
            PyTorchLayers.Layer layer = layers.of(s, s.inputs(), mask);
            boolean frozen = s.info().frozen();
            trainable += frozen ? 0 : layer.trainable();
            if (layer.module() != null) {
                init.commented(2, "self." + s.name() + " = " + layer.module(), shape + (layer.note().isEmpty() ? "" : "; " + layer.note()));
                if (frozen) {
                    init.commented(2, "self." + s.name() + ".requires_grad_(False)", "frozen: it keeps its weights while the rest trains");
                    if (s.kind().id().equals("BatchNorm")) {
                        frozenNorms.add("self." + s.name());
                    }
                }
            }
            forward.commented(2, s.name() + " = " + layer.forward(), layer.module() == null ? shape + (layer.note().isEmpty() ? "" : "; " + layer.note())
                    : shape);
            if (layer.mask() && mask != null && (s.shape() instanceof Shape.Sequence || s.shape() instanceof Shape.Tokens)) {
                masks.put(s.name(), mask);
            }
            if (!frozen && layer.trainable() != s.info().trainable()) {
                differences.add(String.format(Locale.ROOT, "%s %+,d", s.id(), layer.trainable() - s.info().trainable()));
            }
        }
        arguments.addAll(maskArguments);
        if (!frozenNorms.isEmpty()) {
            // DL4J runs a frozen layer as in inference: a frozen batch norm keeps its running statistics
            forward.blank();
            forward.line(1, "def train(self, mode=True):");
            forward.line(2, "super().train(mode)");
            forward.commented(2, "for norm in (" + String.join(", ", frozenNorms) + ",):", "frozen: normalise with the kept statistics, as DL4J");
            forward.line(3, "norm.eval()");
            forward.line(2, "return self");
        }
        List<Step> outputs = graph.outputs();
        forward.line(2, "return " + String.join(", ", outputs.stream().map(Step::name).toList()));

        PythonCode py = PythonCode.create();
        py.line(0, "\"\"\"" + PythonCode.docstring(doc.name()) + ", exported from DeepCanvas as PyTorch.");
        py.blank();
        py.line(0, "Each layer is one line, with its DeepCanvas id and output shape in Keras' order (H×W×C for");
        py.line(0, "images, T×F for sequences); PyTorch itself keeps images as channels × height × width.");
        py.line(0, String.format(Locale.ROOT, "Trainable parameters: DeepCanvas %,d, this module %,d%s.", graph.analysis().trainableParameters(), trainable,
                differences.isEmpty() ? "" : " (" + String.join(", ", differences) + ")"));
        py.line(0, "Weights start from PyTorch's own initialisation, not DL4J's.");
        py.blank();
        py.line(0, data != null ? "Run: python3 " + FILE + "   (trains on the project's data with DeepCanvas's split and encoding)"
                : "Import it, or run: python3 " + FILE + "   (builds the model and prints its size)");
        py.line(0, "\"\"\"");
        PythonCode body = PythonCode.create();
        body.line(0, "SEED = " + t.seed());
        body.line(0, "BATCH_SIZE = " + t.batchSize());
        body.line(0, "EPOCHS = " + t.epochs());
        body.line(0, "LEARNING_RATE = " + PythonCode.num(t.learningRate()));
        if (t.patience() > 0) {
            body.commented(0, "PATIENCE = " + t.patience(), "epochs without a better validation loss before stopping");
        }
        body.blank();
        body.blank();
        String helpers = layers.helperSource();
        if (!helpers.isEmpty()) {
            body.line(0, helpers.stripTrailing());
            body.blank();
            body.blank();
        }
        body.line(0, "class " + className + "(nn.Module):");
        body.line(1, "def __init__(self):");
        body.line(2, "super().__init__()");
        body.line(0, init.toString().stripTrailing());
        body.blank();
        body.line(1, "def forward(self, " + String.join(", ", arguments) + "):");
        body.line(0, forward.toString().stripTrailing());
        body.blank();
        body.blank();
        body.line(0, "def build_model():");
        body.line(1, "return " + className + "()");
        body.blank();
        body.blank();
        optimizer(body, t);
        body.blank();
        body.blank();
        Step output = outputs.get(0);
        String loss = output.params().choice("loss");
        body.line(0, "def loss_function():");
        body.line(1, "return " + switch (loss) {
            case "cross_entropy" -> "nn.CrossEntropyLoss()";
            case "binary_cross_entropy" -> "nn.BCEWithLogitsLoss()";
            case "mae" -> "nn.L1Loss()";
            default -> "nn.MSELoss()";
        });
        body.blank();
        body.blank();
        if (graph.inputs().size() == 1 && outputs.size() == 1) {
            loop(body, t, loss);
        } else {
            notes.add("The training loop is written for one input and one output; this network has " + graph.inputs().size() + " and "
                    + outputs.size() + ".");
        }
        if (data != null) {
            body.blank();
            body.blank();
            data.write(body);
            body.blank();
            body.blank();
            datasets(body, data.labels(doc, loss));
        }
        body.blank();
        body.blank();
        body.line(0, "if __name__ == \"__main__\":");
        body.line(1, "torch.manual_seed(SEED)");
        body.line(1, "model = build_model()");
        body.line(1, "print(sum(p.numel() for p in model.parameters() if p.requires_grad), \"trainable parameters\")");
        if (data != null) {
            body.line(1, "train_set, validation_set, test_set = load_splits()");
            body.line(1, "train(model, train_set, validation_set)");
            body.line(1, "if len(test_set):");
            body.line(2, "print(\"test:\", evaluate(model, test_set, loss_function()))");
        }
        // the standard library modules the code uses, then PyTorch's
        String code = body.toString();
        py.standardImports(code);
        py.line(0, "import torch");
        if (code.contains("F.")) {
            py.line(0, "import torch.nn.functional as F");
        }
        py.line(0, "from torch import nn");
        if (code.contains("DataLoader")) {
            py.line(0, code.contains("TensorDataset") ? "from torch.utils.data import DataLoader, TensorDataset" : "from torch.utils.data import DataLoader");
        }
        py.blank();
        return py + code;
    }

    private static void optimizer(PythonCode py, TrainingSetup t) {
        py.line(0, "def make_optimizer(model):");
        String params = "model.parameters()";
        if (t.l2() > 0) {
            // DL4J's L2 applies to weights, not biases
            py.commented(1, "weights = [p for name, p in model.named_parameters() if not name.rsplit(\".\", 1)[-1].startswith(\"bias\")]",
                    "L2 on weights, as DL4J");
            py.line(1, "biases = [p for name, p in model.named_parameters() if name.rsplit(\".\", 1)[-1].startswith(\"bias\")]");
            params = "[{\"params\": weights, \"weight_decay\": " + PythonCode.num(t.l2()) + "}, {\"params\": biases, \"weight_decay\": 0.0}]";
        }
        String optimizer = switch (t.optimizer()) {
            case SGD -> "torch.optim.SGD(" + params + ", lr=LEARNING_RATE)";
            case NESTEROV -> "torch.optim.SGD(" + params + ", lr=LEARNING_RATE, momentum=" + PythonCode.num(t.momentum()) + ", nesterov=True)";
            case ADAM -> "torch.optim.Adam(" + params + ", lr=LEARNING_RATE, betas=(" + PythonCode.num(t.beta1()) + ", " + PythonCode.num(t.beta2())
                    + "), eps=" + PythonCode.num(t.epsilon()) + ")";
            case RMSPROP -> "torch.optim.RMSprop(" + params + ", lr=LEARNING_RATE, alpha=" + PythonCode.num(t.momentum()) + ", eps="
                    + PythonCode.num(t.epsilon()) + ")";
            case ADAGRAD -> "torch.optim.Adagrad(" + params + ", lr=LEARNING_RATE, eps=" + PythonCode.num(t.epsilon()) + ")";
        };
        py.line(1, "optimizer = " + optimizer);
        String schedule = switch (t.decay()) {
            case NONE -> "None";
            case STEP -> "torch.optim.lr_scheduler.StepLR(optimizer, step_size=" + t.decayEvery() + ", gamma=" + PythonCode.num(t.decayRate()) + ")";
            case EXPONENTIAL -> "torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=" + PythonCode.num(t.decayRate()) + ")";
        };
        py.commented(1, "schedule = " + schedule, t.decay() == TrainingSetup.Decay.NONE ? "" : "by epoch, as DeepCanvas");
        py.line(1, "return optimizer, schedule");
    }

    private static void loop(PythonCode py, TrainingSetup t, String loss) {
        boolean classes = "cross_entropy".equals(loss);
        boolean binary = "binary_cross_entropy".equals(loss);
        py.line(0, "def evaluate(model, dataset, loss_fn):");
        py.line(1, classes || binary ? "\"\"\"Mean loss and accuracy over a dataset.\"\"\"" : "\"\"\"Mean loss and mean absolute error over a dataset.\"\"\"");
        py.line(1, "model.eval()");
        py.line(1, "total, score, count = 0.0, 0.0, 0");
        py.line(1, "with torch.no_grad():");
        py.line(2, "for x, y in DataLoader(dataset, batch_size=256):");
        py.line(3, "out = model(x)");
        py.line(3, "total += loss_fn(out, y).item() * len(y)");
        py.line(3, classes ? "score += (out.argmax(dim=-1) == y).sum().item()"
                : binary ? "score += ((out > 0).float() == y).float().mean(dim=-1).sum().item()" : "score += (out - y).abs().mean(dim=-1).sum().item()");
        py.line(3, "count += len(y)");
        py.line(1, "return {\"loss\": total / count, " + (classes || binary ? "\"accuracy\"" : "\"mae\"") + ": score / count}");
        py.blank();
        py.blank();
        py.line(0, "def train(model, train_set, validation_set):");
        py.line(1, "\"\"\"Trains as DeepCanvas does: shuffled batches, the validation split scored after every epoch.\"\"\"");
        py.line(1, "generator = torch.Generator().manual_seed(SEED)");
        py.line(1, "loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=True, generator=generator)");
        py.line(1, "optimizer, schedule = make_optimizer(model)");
        py.line(1, "loss_fn = loss_function()");
        boolean early = t.patience() > 0 || t.keepBest();
        if (early) {
            py.line(1, "best_loss, best_epoch, best_state = math.inf, 0, None");
        }
        py.line(1, "for epoch in range(1, EPOCHS + 1):");
        py.line(2, "model.train()");
        py.line(2, "for x, y in loader:");
        py.line(3, "optimizer.zero_grad()");
        py.line(3, "loss = loss_fn(model(x), y)");
        py.line(3, "loss.backward()");
        if (t.gradientClip() > 0) {
            py.commented(3, "for layer in model.children():", "each layer's gradient norm clipped on its own, as DL4J's ClipL2PerLayer");
            py.line(4, "nn.utils.clip_grad_norm_(layer.parameters(), " + PythonCode.num(t.gradientClip()) + ")");
        }
        py.line(3, "optimizer.step()");
        py.line(2, "if schedule is not None:");
        py.line(3, "schedule.step()");
        py.commented(2, "scores = evaluate(model, validation_set if len(validation_set) else train_set, loss_fn)",
                "without validation examples DeepCanvas watches the training loss");
        py.line(2, "print(f\"epoch {epoch}: validation {scores}\")");
        if (early) {
            py.line(2, "if scores[\"loss\"] < best_loss:");
            py.line(3, "best_loss, best_epoch = scores[\"loss\"], epoch");
            if (t.keepBest()) {
                py.line(3, "best_state = {k: v.clone() for k, v in model.state_dict().items()}");
            }
            if (t.patience() > 0) {
                py.line(2, "if epoch - best_epoch >= PATIENCE:");
                py.line(3, "print(f\"no better validation loss for {PATIENCE} epochs: stopping\")");
                py.line(3, "break");
            }
            if (t.keepBest()) {
                py.line(1, "if best_state is not None:");
                py.commented(2, "model.load_state_dict(best_state)", "the epoch with the best validation loss, as DeepCanvas keeps it");
            }
        }
        py.line(1, "return model");
    }

    /** The rows of each split as tensor datasets: class indices for cross-entropy, 0/1 columns for binary cross-entropy. */
    private static void datasets(PythonCode py, PythonTableData.Labels labels) {
        py.line(0, "def load_splits():");
        py.line(1, "\"\"\"The training, validation and test splits DeepCanvas made, as tensor datasets.\"\"\"");
        py.line(1, "splits = load_rows()");
        py.blank();
        py.line(1, "def dataset(pairs):");
        py.line(2, "x = torch.tensor([features for features, _ in pairs], dtype=torch.float32)");
        py.line(2, switch (labels) {
            case INDEX -> "y = torch.tensor([label for _, label in pairs])";
            case ONE_HOT -> "y = F.one_hot(torch.tensor([label for _, label in pairs]), len(CLASSES)).float()";
            case YES_NO, QUANTITY -> "y = torch.tensor([[float(label)] for _, label in pairs])";
        });
        py.line(2, "return TensorDataset(x, y)");
        py.blank();
        py.line(1, "return dataset(splits[\"train\"]), dataset(splits[\"validation\"]), dataset(splits[\"test\"])");
    }

    /** How a forward() argument is laid out, for its comment. */
    private static String inputLayout(Shape s) {
        if (s instanceof Shape.Image i) {
            return String.format(Locale.ROOT, "(batch, %d, %d, %d) images, channels first", i.channels(), i.height(), i.width());
        }
        if (s instanceof Shape.Sequence q) {
            return String.format(Locale.ROOT, "(batch, %s, %d) sequences", q.timeSteps() == Shape.VARIABLE ? "time" : String.valueOf(q.timeSteps()),
                    q.features());
        }
        if (s instanceof Shape.Tokens t) {
            return String.format(Locale.ROOT, "(batch, %s) token ids (int64)", t.timeSteps() == Shape.VARIABLE ? "time" : String.valueOf(t.timeSteps()));
        }
        return "(batch, " + s.size() + ") vectors";
    }

    /** "Iris species (MLP)" → "IrisSpeciesMlp"; "Net" when nothing is left. */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                b.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            } else {
                upper = true;
            }
        }
        String s = b.toString();
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "Net" + s : s;
    }
}
