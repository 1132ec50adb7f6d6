package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starting a network from a trained one's weights (fine-tuning, transfer learning): every layer
 * whose id and weight shapes match the trained model's keeps that model's weights; the others
 * start fresh, each with the reason. Replacing the head for a new number of classes therefore
 * keeps the body. The optimiser's state starts fresh, as in Keras and PyTorch fine-tuning.
 *
 * @param kept the layers that start from the model's weights, in the network's order
 * @param fresh the layers that start from new weights, with why
 */
public record WeightTransfer(List<String> kept, Map<String, String> fresh) {

    /** Copies into {@code target} the weights of every layer of {@code source} with the same id and shapes. */
    public static WeightTransfer copy(ComputationGraph source, ComputationGraph target) {
        List<String> kept = new ArrayList<>();
        Map<String, String> fresh = new LinkedHashMap<>();
        for (GraphVertex vertex : target.getVertices()) {
            Layer layer = vertex.getLayer();
            if (layer == null || layer.numParams() == 0) {
                continue;
            }
            String id = vertex.getVertexName();
            GraphVertex from = source.getVertex(id);
            if (from == null || from.getLayer() == null) {
                fresh.put(id, "the model has no layer " + id);
                continue;
            }
            Map<String, INDArray> here = layer.paramTable();
            Map<String, INDArray> there = from.getLayer().paramTable();
            String kind = kind(layer);
            String mismatch = kind.equals(kind(from.getLayer())) ? mismatch(here, there) : "it is a " + kind(from.getLayer()) + " in the model";
            if (mismatch != null) {
                fresh.put(id, mismatch);
                continue;
            }
            here.forEach((name, values) -> values.assign(there.get(name)));
            kept.add(id);
        }
        return new WeightTransfer(List.copyOf(kept), Collections.unmodifiableMap(fresh));
    }

    /**
     * What {@link #copy} will do, judged from the two designs alone (no compiling, so the canvas can
     * show it after every edit): for each layer of {@code design} that has weights, null when the
     * model has a layer of the same id, kind and shapes in and out with as many weights, else why
     * it starts fresh. The copy itself checks every weight's shape.
     */
    public static Map<String, String> preview(NetworkDocument model, NetworkAnalysis modelAnalysis, NetworkDocument design, NetworkAnalysis analysis) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String id : analysis.order()) {
            NodeInfo info = analysis.info(id).orElse(null);
            if (info == null || info.parameters() == 0) {
                continue;
            }
            LayerNode node = design.node(id).orElseThrow();
            LayerNode there = model.node(id).orElse(null);
            NodeInfo thereInfo = there == null ? null : modelAnalysis.info(id).orElse(null);
            String why = null;
            if (there == null || thereInfo == null) {
                why = "the model has no layer " + id;
            } else if (!there.kind().equals(node.kind())) {
                why = "it is a " + there.kind() + " in the model";
            } else if (thereInfo.parameters() != info.parameters() || !thereInfo.shape().equals(info.shape())
                    || !inputs(modelAnalysis, id).equals(inputs(analysis, id))) {
                why = String.format(Locale.ROOT, "%,d weights to %s here, %,d to %s in the model", info.parameters(), info.shape().display(),
                        thereInfo.parameters(), thereInfo.shape().display());
            }
            result.put(id, why);
        }
        return result;
    }

    private static List<Shape> inputs(NetworkAnalysis analysis, String id) {
        return analysis.inputsOf().getOrDefault(id, List.of()).stream().map(i -> analysis.shapeOf(i).orElse(null)).toList();
    }

    /** The DL4J layer type, a frozen layer's own: weights of equal shapes in another kind of layer mean something else. */
    private static String kind(Layer layer) {
        var conf = layer.conf().getLayer();
        if (conf instanceof FrozenLayerWithBackprop frozen) {
            conf = frozen.getUnderlying();
        }
        return conf.getClass().getSimpleName();
    }

    /** Why two layers' weights cannot be swapped, or null when every weight has the same shape. */
    private static String mismatch(Map<String, INDArray> here, Map<String, INDArray> there) {
        if (!here.keySet().equals(there.keySet())) {
            return "its weights are " + here.keySet() + " here, " + there.keySet() + " in the model";
        }
        for (var e : here.entrySet()) {
            long[] a = e.getValue().shape();
            long[] b = there.get(e.getKey()).shape();
            if (!Arrays.equals(a, b)) {
                return String.format(Locale.ROOT, "its weights %s are %s here, %s in the model", e.getKey(), shape(a), shape(b));
            }
        }
        return null;
    }

    private static String shape(long[] s) {
        StringBuilder b = new StringBuilder();
        for (long d : s) {
            b.append(b.isEmpty() ? "" : "×").append(d);
        }
        return b.toString();
    }

    /** "kept dense_1, dense_2; fresh: output_1 (its weights W are 16×4 here, 16×3 in the model)". */
    public String describe() {
        StringBuilder b = new StringBuilder(kept.isEmpty() ? "no layer kept its weights" : "kept " + String.join(", ", kept));
        if (!fresh.isEmpty()) {
            List<String> parts = new ArrayList<>();
            fresh.forEach((id, why) -> parts.add(id + " (" + why + ")"));
            b.append("; fresh: ").append(String.join(", ", parts));
        }
        return b.toString();
    }
}
