package dev.deepcanvas.runtime.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
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
            String mismatch = mismatch(here, there);
            if (mismatch != null) {
                fresh.put(id, mismatch);
                continue;
            }
            here.forEach((name, values) -> values.assign(there.get(name)));
            kept.add(id);
        }
        return new WeightTransfer(List.copyOf(kept), Map.copyOf(fresh));
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
