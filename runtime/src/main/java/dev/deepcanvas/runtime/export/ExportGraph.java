package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid network as the exporters walk it: its layers in an order where every layer comes after
 * its inputs (the analysis's), each with its kind, parameters, input and output shapes, and a name
 * that is a valid identifier in Python and Java.
 */
public final class ExportGraph {

    /** One layer: {@code inputs} are the names of the layers feeding it, in port order. */
    public record Step(LayerNode node, LayerKind kind, Params params, String name, List<String> inputs, List<Shape> inputShapes, Shape shape,
            NodeInfo info) {

        public String id() {
            return node.id();
        }

        public Shape inputShape() {
            return inputShapes.get(0);
        }
    }

    private static final Set<String> RESERVED = Set.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "self", "torch", "nn", "F", "model", "x",
            "abstract", "boolean", "byte", "case", "catch", "char", "const", "default", "do", "double", "enum", "extends", "final", "float",
            "goto", "implements", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public",
            "short", "static", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "void", "volatile", "var",
            // names the generated code itself uses in the same scope (modules, helpers, nn.Module's own attributes)
            "layers", "keras", "tf", "np", "L2", "math", "json", "csv", "os", "sum", "len", "print", "range", "list", "dict", "str",
            "last_step", "masked_mean", "masked_max", "run_recurrent", "rational_tanh", "PositionEmbedding", "SelfAttention", "AvgPoolSame",
            "LastTimeStep", "KeepBest", "build_model", "compile_model", "callbacks", "load_rows", "load_splits", "encode", "evaluate",
            "training", "forward", "train", "eval", "to", "cuda", "cpu", "half", "apply", "parameters", "modules", "children",
            "buffers", "state_dict", "zero_grad", "requires_grad_", "add_module", "register_buffer", "type", "conf", "graph", "Main");

    private final NetworkDocument doc;
    private final NetworkAnalysis analysis;
    private final List<Step> steps = new ArrayList<>();

    private ExportGraph(NetworkDocument doc, NetworkAnalysis analysis) {
        this.doc = doc;
        this.analysis = analysis;
        LayerCatalog catalog = LayerCatalog.standard();
        Map<String, String> names = new HashMap<>();
        Set<String> taken = new HashSet<>();
        for (String id : analysis.order()) {
            String name = identifier(id);
            while (!taken.add(name)) {
                name = name + "_";
            }
            names.put(id, name);
        }
        for (String id : analysis.order()) {
            LayerNode node = doc.node(id).orElseThrow();
            LayerKind kind = catalog.get(node.kind());
            List<String> from = analysis.inputsOf().getOrDefault(id, List.of());
            steps.add(new Step(node, kind, Params.of(kind, node), names.get(id), from.stream().map(names::get).toList(),
                    from.stream().map(f -> analysis.shapeOf(f).orElseThrow()).toList(), analysis.shapeOf(id).orElseThrow(),
                    analysis.info(id).orElseThrow()));
        }
    }

    /** The graph of a document that shape inference calls valid. */
    public static ExportGraph of(NetworkDocument doc) throws ExportException {
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        if (!analysis.isValid()) {
            throw new ExportException("The network has " + analysis.errors().size() + " error(s) (first: " + analysis.errors().get(0).oneLine()
                    + "); fix them before exporting.");
        }
        return new ExportGraph(doc, analysis);
    }

    public NetworkDocument document() {
        return doc;
    }

    public NetworkAnalysis analysis() {
        return analysis;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Step> inputs() {
        return steps.stream().filter(s -> s.kind().isNetworkInput()).toList();
    }

    /** The outputs in document order, as the compiler lists DL4J's (labels line up with what the user sees). */
    public List<Step> outputs() {
        return steps.stream().filter(s -> s.kind().isNetworkOutput()).sorted(Comparator.comparingInt(s -> doc.indexOf(s.id()))).toList();
    }

    /** True when every layer has at most one input and feeds at most one other: a Sequential model. */
    public boolean isChain() {
        Map<String, Integer> fanOut = new HashMap<>();
        for (Step s : steps) {
            if (s.inputs().size() > 1) {
                return false;
            }
            for (String in : s.inputs()) {
                if (fanOut.merge(in, 1, Integer::sum) > 1) {
                    return false;
                }
            }
        }
        return inputs().size() == 1 && outputs().size() == 1;
    }

    /** A layer id as an identifier: other characters become '_', a leading digit or a keyword gets a prefix. */
    static String identifier(String id) {
        StringBuilder b = new StringBuilder();
        for (char c : id.toCharArray()) {
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        String name = b.isEmpty() ? "layer" : b.toString();
        if (Character.isDigit(name.charAt(0)) || RESERVED.contains(name)) {
            name = "layer_" + name;
        }
        return name;
    }
}
