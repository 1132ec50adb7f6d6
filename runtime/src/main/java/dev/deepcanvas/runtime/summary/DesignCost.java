package dev.deepcanvas.runtime.summary;

import dev.deepcanvas.runtime.catalog.CostFamily;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a design costs before it trains, from the shapes alone. FLOPs: a multiply-accumulate counts
 * 2, any other arithmetic on a value 1, lookups and copies 0 (each kind's {@link LayerKind#flops}
 * rule); training is taken as 3 × the forward pass (the backward pass computes gradients for the
 * inputs and for the weights, each about one forward pass). Memory in float32: the parameters, their
 * gradients, the optimiser's state (Adam two values per parameter, Nesterov, RMSprop and AdaGrad
 * one, SGD none), and every layer's output for each example of a batch, kept with its gradient
 * while training.
 *
 * @param forwardFlops per example
 * @param convolutionFlops the part of it in convolution and pooling layers
 * @param recurrentFlops the part in recurrent layers (SimpleRNN, LSTM, Bidirectional)
 * @param graphFlops the part in layers that run as SameDiff graphs (attention, layer normalisation)
 * @param timeLoopSteps time steps that recurrent loops take per example, summed over the layers
 *     ({@link LayerKind#timeLoops}); each costs DL4J a fixed dispatch time
 * @param activationValues every layer's output values per example, the inputs included
 * @param perStep true when a sequence has no fixed length: the counts are for one time step
 */
public record DesignCost(long forwardFlops, long convolutionFlops, long recurrentFlops, long graphFlops, long timeLoopSteps,
        long parameters, long optimizerValues, long activationValues, boolean perStep) {

    public static final int BYTES_PER_VALUE = 4;

    /** The cost of a valid network under its training settings. */
    public static DesignCost of(NetworkDocument doc, NetworkAnalysis analysis) {
        LayerCatalog catalog = LayerCatalog.standard();
        long flops = 0;
        long convolution = 0;
        long recurrent = 0;
        long graph = 0;
        long loopSteps = 0;
        long values = 0;
        boolean perStep = false;
        Map<String, List<Edge>> into = new HashMap<>();
        for (Edge e : doc.edges()) {
            into.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e);
        }
        for (String id : analysis.order()) {
            LayerNode node = doc.node(id).orElseThrow();
            LayerKind kind = catalog.get(node.kind());
            NodeInfo info = analysis.info(id).orElse(null);
            if (info == null) {
                continue;
            }
            values += Shapes.values(info.shape());
            perStep |= Shapes.variable(info.shape());
            if (!kind.isNetworkInput()) {
                long f = kind.flops(inputsOf(into.getOrDefault(id, List.of()), analysis), info.shape(), info.parameters(), Params.of(kind, node));
                flops += f;
                CostFamily family = kind.costFamily();
                convolution += family == CostFamily.CONVOLUTION ? f : 0;
                recurrent += family == CostFamily.RECURRENT ? f : 0;
                graph += family == CostFamily.GRAPH ? f : 0;
                loopSteps += kind.timeLoops() * Shapes.positions(info.shape());
            }
        }
        long optimizer = analysis.trainableParameters() * stateValues(doc.training().optimizer());
        return new DesignCost(flops, convolution, recurrent, graph, loopSteps, analysis.totalParameters(), optimizer, values, perStep);
    }

    /** The shapes of a node's inputs in port order. */
    private static List<Shape> inputsOf(List<Edge> into, NetworkAnalysis analysis) {
        List<Edge> in = new ArrayList<>(into);
        in.sort(Comparator.comparingInt(Edge::toPort));
        List<Shape> shapes = new ArrayList<>();
        for (Edge e : in) {
            analysis.shapeOf(e.from()).ifPresent(shapes::add);
        }
        return shapes;
    }

    /** Values the optimiser keeps per trainable parameter. */
    static int stateValues(Optimizer optimizer) {
        return switch (optimizer) {
            case SGD -> 0;
            case NESTEROV, RMSPROP, ADAGRAD -> 1;
            case ADAM -> 2;
        };
    }

    public long trainingFlops() {
        return 3 * forwardFlops;
    }

    /** Training FLOPs of one batch; {@code timeSteps} counts only when the design's length is open (per-step counts). */
    public double trainingFlopsPerBatch(int batch, int timeSteps) {
        return (double) trainingFlops() * (perStep ? Math.max(1, timeSteps) : 1) * Math.max(1, batch);
    }

    /** Bytes to train at {@code batch}: parameters, gradients, optimiser state, and the outputs with their gradients. */
    public long trainingBytes(int batch) {
        return BYTES_PER_VALUE * (2 * parameters + optimizerValues + 2L * activationValues * batch);
    }

    /** The largest batch whose training fits in {@code bytes}, or 0 when not even one example does. */
    public int largestBatchWithin(long bytes) {
        long fixed = BYTES_PER_VALUE * (2 * parameters + optimizerValues);
        long perExample = 2L * BYTES_PER_VALUE * Math.max(1, activationValues);
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (bytes - fixed) / perExample));
    }

    /**
     * A warning when training at {@code batch} needs more than {@code available} bytes (ND4J's
     * off-heap limit), with the batch size that fits; empty when it fits.
     */
    public Optional<String> memoryWarning(String name, int batch, long available) {
        long needed = trainingBytes(batch);
        // with a variable length the estimate is per time step: too low to warn from
        if (perStep || needed <= available) {
            return Optional.empty();
        }
        int fits = largestBatchWithin(available);
        String fix = fits >= 1 ? "batch " + fits + " fits" : "not even batch 1 fits: make the network smaller";
        return Optional.of(String.format(Locale.ROOT, "%s at batch %d needs about %s to train; ND4J may use %s: %s.", name, batch,
                bytes(needed), bytes(available), fix));
    }

    /** "1.2 GB", "340 MB", "12 KB". */
    public static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MB", n / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.0f KB", Math.max(1, n / 1024.0));
    }

    /** "1.23 GFLOPs", "456 MFLOPs", "7.8 kFLOPs". */
    public static String flops(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f GFLOPs", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.1f MFLOPs", n / 1e6);
        }
        return String.format(Locale.ROOT, "%.1f kFLOPs", n / 1e3);
    }
}
