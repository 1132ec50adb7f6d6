package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.data.FittedEncoding;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.data.table.SequenceEncoding;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import dev.deepcanvas.runtime.data.text.Vocabulary;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Does the data fit the network? Compares what the data provides (example shape, classes or a
 * quantity) with the network's one input and one output, and says what to change, with a
 * one-click fix where a parameter value settles it.
 */
public final class DataCheck {

    private DataCheck() {}

    /** Every mismatch between the prepared data and the network's input and output, with fixes where one settles it. */
    public static List<Diagnostic> check(NetworkDocument doc, NetworkAnalysis analysis, PreparedData data) {
        LayerCatalog catalog = LayerCatalog.standard();
        List<LayerNode> inputs = new ArrayList<>();
        List<LayerNode> outputs = new ArrayList<>();
        for (String id : analysis.order()) {
            LayerNode node = doc.node(id).orElseThrow();
            LayerKind kind = catalog.get(node.kind());
            if (kind.isNetworkInput()) {
                inputs.add(node);
            } else if (kind.isNetworkOutput()) {
                outputs.add(node);
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        if (inputs.size() != 1 || outputs.size() != 1) {
            problems.add(Diagnostic.error(null, "Training needs one input and one output; this network has " + inputs.size()
                    + " input(s) and " + outputs.size() + " output(s).", "Train a network with a single Input and a single Output."));
            return problems;
        }
        checkInput(doc, inputs.get(0), analysis, data, problems);
        LayerNode output = outputs.get(0);
        if (analysis.shapeOf(output.id()).orElse(null) instanceof Shape.Sequence) {
            // Every data format has one label per example; an answer per step has nothing to be scored against.
            problems.add(Diagnostic.error(output.id(), "Output answers once per time step, but " + dataName(data)
                    + " has one label per example.", "Insert LastTimeStep (keeps the final step) or GlobalPooling (pools over time) before the Output."));
        }
        checkOutput(output, catalog, data.target(), problems);
        return problems;
    }

    /** What to call the data in messages: "the CSV", "the image folder", "the text", ... */
    public static String dataName(PreparedData data) {
        FittedEncoding e = data.encoding();
        if (e instanceof ImageEncoding) {
            return "the image folder";
        }
        if (e instanceof TextEncoding) {
            return "the text";
        }
        if (e instanceof SeriesEncoding) {
            return "the time series";
        }
        if (e instanceof SequenceEncoding) {
            return "the sequence folder";
        }
        return "the CSV";
    }

    private static void checkInput(NetworkDocument doc, LayerNode input, NetworkAnalysis analysis, PreparedData data,
            List<Diagnostic> problems) {
        Shape shape = analysis.shapeOf(input.id()).orElse(null);
        if (shape == null) {
            return;
        }
        long[] exampleShape = data.train().exampleShape();
        String dataName = dataName(data);
        if (data.encoding() instanceof TextEncoding text) {
            checkTokens(doc, input, shape, text, problems);
            return;
        }
        if (exampleShape.length == 2) {
            int features = (int) exampleShape[0];
            int steps = (int) exampleShape[1];
            boolean window = data.encoding() instanceof SeriesEncoding;
            if (!(shape instanceof Shape.Sequence seq)) {
                problems.add(Diagnostic.error(input.id(), dataName + " gives sequences of " + features + " value(s) per step, but the Input takes "
                        + shape.family() + ".", "Replace the Input with a sequence Input (SequenceInput) of " + features + " features."));
            } else if (seq.features() != features) {
                problems.add(Diagnostic.error(input.id(), "Input expects " + seq.features() + " features per step, " + dataName + " has "
                        + features + ".", "Set features to " + features + ".").withFix(Map.of("features", (long) features)));
            } else if (seq.timeSteps() != Shape.VARIABLE && seq.timeSteps() != steps) {
                problems.add(Diagnostic.error(input.id(), "Input expects " + seq.timeSteps() + " time steps, " + dataName + " has "
                        + steps + (window ? " (the window)." : " (the longest sequence)."), "Set timeSteps to " + steps + ".")
                        .withFix(Map.of("timeSteps", (long) steps)));
            }
            return;
        }
        if (exampleShape.length == 1) {
            if (!(shape instanceof Shape.Flat flat)) {
                problems.add(Diagnostic.error(input.id(), dataName + " gives rows of numbers, but the Input takes " + shape.family() + ".",
                        "Replace the Input with a feature-vector Input (VectorInput)."));
            } else if (flat.features() != exampleShape[0]) {
                problems.add(Diagnostic.error(input.id(), "Input expects " + flat.features() + " features, " + dataName + " has " + exampleShape[0] + ".",
                        "Set features to " + exampleShape[0] + ".").withFix(Map.of("features", exampleShape[0])));
            }
            return;
        }
        if (!(shape instanceof Shape.Image image)) {
            problems.add(Diagnostic.error(input.id(), dataName + " gives images, but the Input takes " + shape.family() + ".",
                    "Replace the Input with an image Input (ImageInput)."));
        } else if (image.channels() != exampleShape[0] || image.height() != exampleShape[1] || image.width() != exampleShape[2]) {
            problems.add(Diagnostic.error(input.id(), "Input expects images of " + image.display() + ", the data is "
                    + exampleShape[1] + "×" + exampleShape[2] + "×" + exampleShape[0] + ".", "Set the Input's height, width and channels to match."));
        }
    }

    /** Token ids need a token Input of the text's length and Embeddings with room for every id. */
    private static void checkTokens(NetworkDocument doc, LayerNode input, Shape shape, TextEncoding text, List<Diagnostic> problems) {
        if (!(shape instanceof Shape.Tokens tokens)) {
            problems.add(Diagnostic.error(input.id(), "the text gives token ids, but the Input takes " + shape.family() + ".",
                    "Replace the Input with a token Input (TokenInput) followed by an Embedding."));
            return;
        }
        if (tokens.timeSteps() != Shape.VARIABLE && tokens.timeSteps() != text.maxLength()) {
            problems.add(Diagnostic.error(input.id(), "Input expects " + tokens.timeSteps() + " tokens, the text is cut or padded to "
                    + text.maxLength() + ".", "Set timeSteps to " + text.maxLength() + ".")
                    .withFix(Map.of("timeSteps", (long) text.maxLength())));
        }
        LayerCatalog catalog = LayerCatalog.standard();
        int ids = text.vocabulary().size();
        for (Edge e : doc.edges()) {
            if (!e.from().equals(input.id())) {
                continue;
            }
            LayerNode next = doc.node(e.to()).orElse(null);
            if (next == null || !catalog.get(next.kind()).hasParam("vocabulary")) {
                continue;
            }
            int vocabulary = Params.of(catalog.get(next.kind()), next).integer("vocabulary");
            if (vocabulary < ids) {
                problems.add(Diagnostic.error(next.id(), "Embedding has room for " + vocabulary + " token ids, the text's vocabulary uses "
                        + ids + " (" + (ids - Vocabulary.RESERVED) + " tokens, padding and unknown).", "Set vocabulary to " + ids + ".")
                        .withFix(Map.of("vocabulary", (long) ids)));
            }
        }
    }

    private static void checkOutput(LayerNode output, LayerCatalog catalog, Target target, List<Diagnostic> problems) {
        Params p = Params.of(catalog.get(output.kind()), output);
        int units = p.integer("units");
        String activation = p.choice("activation");
        String loss = p.choice("loss");
        boolean predictsQuantity = "mse".equals(loss) || "mae".equals(loss);
        if (target.task() == Task.REGRESSION) {
            if (!predictsQuantity) {
                problems.add(Diagnostic.error(output.id(), "The data's '" + target.name() + "' is a quantity, but the Output predicts classes.",
                        "Use the quantity head: identity activation, mse loss, 1 unit.")
                        .withFix(Map.of("activation", "identity", "loss", "mse", "units", 1L)));
            } else if (units != 1) {
                problems.add(Diagnostic.error(output.id(), "Output has " + units + " units but the data has one quantity to predict.",
                        "Set units to 1.").withFix(Map.of("units", 1L)));
            }
            return;
        }
        int classes = target.classNames().size();
        String names = String.join(", ", target.classNames().subList(0, Math.min(5, classes))) + (classes > 5 ? ", ..." : "");
        if (predictsQuantity) {
            problems.add(Diagnostic.error(output.id(), "The data has " + classes + " classes (" + names + "), but the Output predicts a quantity.",
                    "Use the classes head: softmax activation, cross_entropy loss, " + classes + " units.")
                    .withFix(Map.of("activation", "softmax", "loss", "cross_entropy", "units", (long) classes)));
            return;
        }
        if ("sigmoid".equals(activation) && !"binary_cross_entropy".equals(loss)) {
            // With 0/1 targets, cross-entropy over sigmoid units only rewards "yes": nothing is learned for "no".
            problems.add(Diagnostic.error(output.id(), "Sigmoid units answer yes/no each, but the loss is " + loss + ".",
                    "Set loss to binary_cross_entropy.").withFix(Map.of("loss", "binary_cross_entropy")));
            return;
        }
        boolean yesNo = classes == 2 && units == 1 && "sigmoid".equals(activation);
        if (units != classes && !yesNo) {
            problems.add(Diagnostic.error(output.id(), "Output has " + units + " units but the data has " + classes + " classes (" + names + ").",
                    "Set units to " + classes + ".").withFix(Map.of("units", (long) classes)));
        }
    }

    /** True when the network's output is a single yes/no unit, so labels must be one 0/1 column. */
    public static boolean wantsYesNoLabels(NetworkDocument doc, Target target) {
        if (target.task() != Task.CLASSIFICATION || target.classNames().size() != 2) {
            return false;
        }
        LayerCatalog catalog = LayerCatalog.standard();
        return doc.nodes().stream()
                .filter(n -> catalog.find(n.kind()).map(LayerKind::isNetworkOutput).orElse(false))
                .anyMatch(n -> Params.of(catalog.get(n.kind()), n).integer("units") == 1);
    }
}
