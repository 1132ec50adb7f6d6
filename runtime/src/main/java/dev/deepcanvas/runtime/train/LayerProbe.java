package dev.deepcanvas.runtime.train;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Samples per-layer health now and then during training, on the trainer's thread between batches:
 * the weights before and after one step, and every layer's outputs on that batch. It samples at
 * most every {@code minIntervalMillis}, and less often when a sample is expensive, so that both
 * halves of a sample together cost at most about 0.5 % of training time.
 */
public final class LayerProbe {

    static final double MAX_SHARE = 0.005;

    private final long minIntervalNanos;
    private volatile String watched;
    private long nextDue;
    private Map<String, INDArray> before;
    private long beforeCost;

    public LayerProbe(long minIntervalMillis) {
        this.minIntervalNanos = minIntervalMillis * 1_000_000L;
    }

    /** The layer whose histograms to include (the one selected on the canvas), or null. */
    public void watch(String nodeId) {
        watched = nodeId;
    }

    boolean due() {
        return System.nanoTime() >= nextDue;
    }

    /** Keeps a copy of every layer's weights just before the sampled step. */
    void beforeStep(ComputationGraph graph) {
        long start = System.nanoTime();
        before = new HashMap<>();
        for (Layer layer : graph.getLayers()) {
            if (layer.numParams() > 0) {
                before.put(layer.getConfig().getLayerName(), layer.params().dup());
            }
        }
        beforeCost = System.nanoTime() - start;
    }

    /** Measures the step just taken and the layers' outputs on {@code features}. */
    Map<String, LayerHealth> afterStep(ComputationGraph graph, INDArray features) {
        long start = System.nanoTime();
        Map<String, INDArray> activations = graph.feedForward(features, false);
        Map<String, LayerHealth> health = new LinkedHashMap<>();
        String watch = watched;
        for (var vertex : graph.getVertices()) {
            String id = vertex.getVertexName();
            INDArray out = activations.get(id);
            if (out == null || vertex.isInputVertex()) {
                continue;
            }
            double ratio = Double.NaN;
            Histogram weights = null;
            Layer layer = vertex.hasLayer() ? vertex.getLayer() : null;
            if (layer != null && before != null && before.containsKey(id)) {
                INDArray now = layer.params();
                double norm = before.get(id).norm2Number().doubleValue();
                ratio = norm == 0 ? Double.NaN : now.sub(before.get(id)).norm2Number().doubleValue() / norm;
                if (id.equals(watch)) {
                    weights = Histogram.of(now);
                }
            }
            double mean = out.meanNumber().doubleValue();
            double std = out.length() > 1 ? out.stdNumber().doubleValue() : 0;
            double zeros = out.length() == 0 ? 0 : out.eq(0).castTo(out.dataType()).meanNumber().doubleValue();
            health.put(id, new LayerHealth(ratio, mean, std, zeros, LayerHealth.adviceFor(ratio, std, zeros, mean), weights,
                    id.equals(watch) ? Histogram.of(out) : null));
        }
        before = null;
        long cost = System.nanoTime() - start + beforeCost;
        nextDue = System.nanoTime() + Math.max(minIntervalNanos, (long) (cost / MAX_SHARE));
        return health;
    }

}
