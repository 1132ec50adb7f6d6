package dev.deepcanvas.runtime.compile;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.compute.OneDnn;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns a valid document into a DL4J {@link ComputationGraph}. Layer ids become vertex names, so
 * every DL4J message and statistic maps back to the canvas. Input types are set so that DL4J
 * infers each layer's nIn and adds its own reshaping pre-processors. An invalid document is
 * refused with its diagnostics before DL4J sees it.
 */
public final class NetworkCompiler {

    static {
        // before the first layer exists: DL4J decides on its oneDNN helpers when a layer is built
        NativeStart.prepare();
    }

    private final LayerCatalog catalog;

    public NetworkCompiler(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public NetworkCompiler() {
        this(LayerCatalog.standard());
    }

    /** Analyses, configures and initialises the network. */
    public ComputationGraph compile(NetworkDocument doc) throws CompileException {
        NetworkAnalysis analysis = new ShapeInference(catalog).run(doc);
        ComputationGraphConfiguration conf = configure(doc, analysis);
        try {
            ComputationGraph graph = new ComputationGraph(conf);
            graph.init();
            OneDnn.keepSupported(graph);
            return graph;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw fromDl4j(doc, null, e);
        }
    }

    /** The DL4J configuration for a document whose analysis is valid. */
    public ComputationGraphConfiguration configure(NetworkDocument doc, NetworkAnalysis analysis) throws CompileException {
        if (!analysis.isValid()) {
            throw new CompileException(analysis.errors(), null);
        }
        TrainingSetup training = doc.training();
        var base = new NeuralNetConfiguration.Builder()
                .seed(training.seed())
                .updater(Updaters.of(training))
                .weightInit(WeightInit.XAVIER)
                .dataType(DataType.FLOAT);
        if (training.l2() > 0) {
            base.l2(training.l2());
        }
        if (training.gradientClip() > 0) {
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(training.gradientClip());
        }
        var builder = base.graphBuilder();
        List<String> inputs = new ArrayList<>();
        List<InputType> inputTypes = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (String id : analysis.order()) {
            LayerNode node = doc.node(id).orElseThrow();
            LayerKind kind = catalog.get(node.kind());
            Dl4jVertex vertex = compileNode(node, kind, analysis);
            String[] from = analysis.inputsOf().getOrDefault(id, List.of()).toArray(String[]::new);
            if (vertex.inputType() != null) {
                inputs.add(id);
                inputTypes.add(vertex.inputType());
            } else if (vertex.layer() != null) {
                boolean frozen = analysis.info(id).map(NodeInfo::frozen).orElse(false);
                // gradients still pass through a frozen layer to the trainable ones before it
                builder.addLayer(id, frozen ? new FrozenLayerWithBackprop(vertex.layer()) : vertex.layer(), from);
            } else {
                builder.addVertex(id, vertex.vertex(), from);
            }
            if (kind.isNetworkOutput()) {
                outputs.add(id);
            }
        }
        // Outputs in document order, so that label arrays line up with what the user sees.
        outputs.sort(Comparator.comparingInt(doc::indexOf));
        builder.addInputs(inputs.toArray(String[]::new));
        builder.setInputTypes(inputTypes.toArray(InputType[]::new));
        builder.setOutputs(outputs.toArray(String[]::new));
        ComputationGraphConfiguration conf;
        try {
            conf = builder.build();
        } catch (RuntimeException e) {
            throw fromDl4j(doc, null, e);
        }
        afterBuild(doc, conf);
        return conf;
    }

    private Dl4jVertex compileNode(LayerNode node, LayerKind kind, NetworkAnalysis analysis) throws CompileException {
        List<Shape> inputShapes = analysis.inputsOf().getOrDefault(node.id(), List.of()).stream()
                .map(source -> analysis.shapeOf(source).orElseThrow())
                .toList();
        var context = new CompileContext(node.id(), Params.of(kind, node), inputShapes,
                analysis.shapeOf(node.id()).orElseThrow(), analysis.feedingInput().get(node.id()));
        try {
            return kind.compile(context);
        } catch (RuntimeException e) {
            throw fromDl4j(null, node.id(), e);
        }
    }

    private void afterBuild(NetworkDocument doc, ComputationGraphConfiguration conf) {
        conf.getVertices().forEach((id, vertex) -> {
            if (vertex instanceof LayerVertex layerVertex) {
                LayerNode node = doc.node(id).orElseThrow();
                LayerKind kind = catalog.get(node.kind());
                Layer layer = layerVertex.getLayerConf().getLayer();
                kind.afterBuild(layer instanceof FrozenLayerWithBackprop frozen ? frozen.getUnderlying() : layer, Params.of(kind, node));
            }
        });
    }

    /** Reports a DL4J failure against the layer it names (or the given one), in plain words. */
    private static CompileException fromDl4j(NetworkDocument doc, String nodeId, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String culprit = nodeId != null ? nodeId : mentionedLayer(doc, message);
        String hint = e instanceof OutOfMemoryError
                ? "The network is too large for this computer's memory: use fewer or smaller layers."
                : "DeepCanvas did not foresee this; please report it with the network file.";
        String text = e instanceof OutOfMemoryError ? "Not enough memory to build the network." : "DL4J refused this layer: " + message;
        return new CompileException(List.of(Diagnostic.error(culprit, text, hint)), e);
    }

    /** The longest layer id that DL4J's message quotes, if any. */
    private static String mentionedLayer(NetworkDocument doc, String message) {
        if (doc == null) {
            return null;
        }
        return doc.nodes().stream()
                .map(LayerNode::id)
                .filter(id -> message.contains("\"" + id + "\"") || message.contains("'" + id + "'") || message.contains("=" + id))
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
    }
}
