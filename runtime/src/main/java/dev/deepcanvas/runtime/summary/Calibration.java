package dev.deepcanvas.runtime.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.catalog.CostFamily;
import dev.deepcanvas.runtime.compile.CompileException;
import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.compute.ComputeBackend;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AtomicFiles;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fast this machine trains, measured once by training six small networks for a few steps
 * (a few seconds) and remembered in a file: the fixed cost of one training step, the fixed cost of
 * one time step of a recurrent loop, and the training FLOPs per second reached by each
 * {@link CostFamily}. With a design's {@link DesignCost} it estimates the time per epoch. The
 * measurement belongs to the backend it ran on; another backend measures again.
 */
public record Calibration(String backend, double secondsPerStep, double secondsPerLoopStep, double denseFlopsPerSecond,
        double convolutionFlopsPerSecond, double recurrentFlopsPerSecond, double graphFlopsPerSecond) {

    private static final Logger LOG = LoggerFactory.getLogger(Calibration.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "calibration.json";
    static final int WARM_UP = 3;

    /** The calibration remembered in {@code home} for the current backend, if any. */
    public static Optional<Calibration> known(Path home) {
        String backend = machine();
        return read(home.resolve(FILE)).filter(c -> c.backend().equals(backend));
    }

    /**
     * The remembered calibration for the current backend in {@code home}, or a new one (then
     * remembered). One caller at a time: the window measures at start while a run may be asking,
     * and two measurements at once on a small machine would each record half its speed.
     */
    public static synchronized Calibration remembered(Path home) {
        Optional<Calibration> known = known(home);
        if (known.isPresent()) {
            return known.get();
        }
        String backend = machine();
        Path file = home.resolve(FILE);
        Calibration measured = measure(backend);
        try {
            Files.createDirectories(home);
            AtomicFiles.write(file, measured.toJson().toPrettyString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot remember the calibration in {}; it will be measured again next time", file, e);
        }
        return measured;
    }

    /** Raised when the way of measuring changes, so that older files are measured again. */
    static final int METHOD = 3;

    /** What a calibration belongs to: the backend, the thread rule it trained under, and the way it was measured. */
    static String machine() {
        return ComputeBackend.current().describe() + "; " + ComputeThreads.policy() + "; method " + METHOD;
    }

    static Optional<Calibration> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode j = JSON.readTree(Files.readString(file));
            Calibration c = new Calibration(j.path("backend").asText(""), j.path("secondsPerStep").asDouble(), j.path("secondsPerLoopStep").asDouble(),
                    j.path("denseFlopsPerSecond").asDouble(), j.path("convolutionFlopsPerSecond").asDouble(), j.path("recurrentFlopsPerSecond").asDouble(),
                    j.path("graphFlopsPerSecond").asDouble());
            return c.plausible() ? Optional.of(c) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring an unreadable calibration file {}", file, e);
            return Optional.empty();
        }
    }

    private boolean plausible() {
        return secondsPerStep > 0 && secondsPerLoopStep > 0 && denseFlopsPerSecond > 0 && convolutionFlopsPerSecond > 0 && recurrentFlopsPerSecond > 0
                && graphFlopsPerSecond > 0;
    }

    ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("backend", backend);
        o.put("secondsPerStep", secondsPerStep);
        o.put("secondsPerLoopStep", secondsPerLoopStep);
        o.put("denseFlopsPerSecond", denseFlopsPerSecond);
        o.put("convolutionFlopsPerSecond", convolutionFlopsPerSecond);
        o.put("recurrentFlopsPerSecond", recurrentFlopsPerSecond);
        o.put("graphFlopsPerSecond", graphFlopsPerSecond);
        return o;
    }

    /** Trains the six reference networks for a few steps each. */
    static Calibration measure(String backend) {
        int threads = ComputeThreads.current();
        try {
            var tiny = new DocumentBuilder("step");
            tiny.add("VectorInput", "features", 4);
            tiny.then("Dense", "units", 4);
            tiny.then("Output", "units", 2);
            // long enough for the JIT to settle: the fixed cost is what small networks' epochs are made of
            double step = secondsPerStep(tiny.build(), 32, 40, 120);

            var dense = new DocumentBuilder("dense");
            dense.add("VectorInput", "features", 512);
            dense.then("Dense", "units", 512);
            dense.then("Dense", "units", 512);
            dense.then("Output", "units", 10);

            var conv = new DocumentBuilder("convolution");
            conv.add("ImageInput", "height", 28, "width", 28, "channels", 1);
            conv.then("Conv2D", "filters", 32, "kernel", 3);
            conv.then("MaxPool2D", "pool", 2, "stride", 2);
            conv.then("Conv2D", "filters", 64, "kernel", 3);
            conv.then("MaxPool2D", "pool", 2, "stride", 2);
            conv.then("Flatten");
            conv.then("Output", "units", 10);

            // a cell too small for its arithmetic to count: what remains is the loop's cost per time step
            int loopSteps = 60;
            var loop = new DocumentBuilder("loop");
            loop.add("SequenceInput", "features", 4, "timeSteps", loopSteps);
            loop.then("LSTM", "units", 4);
            loop.then("LastTimeStep");
            loop.then("Output", "units", 2);
            double perLoopStep = Math.max(1e-6, (secondsPerStep(loop.build(), 32, WARM_UP, 6) - step) / loopSteps);

            int recurrentSteps = 50;
            var recurrent = new DocumentBuilder("recurrent");
            recurrent.add("SequenceInput", "features", 32, "timeSteps", recurrentSteps);
            recurrent.then("LSTM", "units", 64);
            recurrent.then("LastTimeStep");
            recurrent.then("Output", "units", 2);

            var graph = new DocumentBuilder("graph");
            graph.add("SequenceInput", "features", 32, "timeSteps", 60);
            graph.then("SelfAttention", "heads", 2, "headSize", 16, "units", 32);
            graph.then("GlobalPooling");
            graph.then("Output", "units", 2);

            return new Calibration(backend, step, perLoopStep, rate(dense.build(), 64, 12, step), rate(conv.build(), 64, 6, step),
                    rate(recurrent.build(), 32, 6, step + recurrentSteps * perLoopStep), rate(graph.build(), 32, 6, step));
        } catch (CompileException e) {
            throw new IllegalStateException("a calibration network did not compile: " + e.getMessage(), e);
        } finally {
            ComputeThreads.set(threads);
        }
    }

    /** Training FLOPs per second of {@code doc} beyond {@code fixed}, the fixed cost of its steps. */
    private static double rate(NetworkDocument doc, int batch, int steps, double fixed) throws CompileException {
        double seconds = secondsPerStep(doc, batch, WARM_UP, steps);
        DesignCost cost = DesignCost.of(doc, ShapeInference.analyse(doc));
        return cost.trainingFlops() * batch / Math.max(seconds - fixed, seconds * 0.05);
    }

    private static double secondsPerStep(NetworkDocument doc, int batch, int warmUp, int steps) throws CompileException {
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        // the threads a training run of this design would get, so the rates are those it will see
        ComputeThreads.applyFor(DesignCost.of(doc, ShapeInference.analyse(doc)).trainingFlopsPerBatch(batch, 1));
        long[] in = ShapeInference.analyse(doc).shapeOf(doc.nodes().get(0).id()).orElseThrow().activationShape(batch);
        INDArray x = Nd4j.rand(DataType.FLOAT, in);
        long classes = ShapeInference.analyse(doc).shapeOf(doc.nodes().get(doc.nodes().size() - 1).id()).orElseThrow().size();
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % classes, 1);
        }
        DataSet data = new DataSet(x, y);
        for (int i = 0; i < warmUp; i++) {
            graph.fit(data);
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            graph.fit(data);
        }
        return (System.nanoTime() - start) / 1e9 / steps;
    }

    /** Estimated seconds for one epoch of {@code examples} at {@code batch}, for a design of this cost. */
    public double epochSeconds(DesignCost cost, long examples, int batch) {
        return epochSeconds(cost, examples, 0, batch);
    }

    /**
     * The same, with what closes every epoch: a forward pass over {@code validation} examples and
     * over the training examples the accuracy is measured on ({@link Trainer#TRAIN_METRIC_SAMPLE}),
     * one third of a training step's work per example each.
     */
    public double epochSeconds(DesignCost cost, long examples, long validation, int batch) {
        return epochSeconds(cost, examples, validation, batch, 1);
    }

    /**
     * The same for a design whose counts are per time step ({@link DesignCost#perStep()}), over
     * {@code timeSteps} steps. A training step costs the fixed cost, each recurrent loop's time
     * steps, and each family's FLOPs at its rate; scoring a batch costs a third of that work.
     */
    public double epochSeconds(DesignCost cost, long examples, long validation, int batch, int timeSteps) {
        int length = cost.perStep() ? Math.max(1, timeSteps) : 1;
        long dense = cost.forwardFlops() - cost.convolutionFlops() - cost.recurrentFlops() - cost.graphFlops();
        double forward = length * (cost.convolutionFlops() / convolutionFlopsPerSecond + cost.recurrentFlops() / recurrentFlopsPerSecond
                + cost.graphFlops() / graphFlopsPerSecond + dense / denseFlopsPerSecond);
        double loops = (double) length * cost.timeLoopSteps() * secondsPerLoopStep;
        long steps = (examples + batch - 1) / batch;
        long scored = validation + Math.min(examples, Trainer.TRAIN_METRIC_SAMPLE);
        long scoredBatches = (scored + batch - 1) / batch;
        return steps * (secondsPerStep + loops) + examples * 3 * forward + scored * forward + scoredBatches * loops / 3;
    }

    /** Estimated seconds for one epoch of {@code examples} at {@code batch}. */
    public double epochSeconds(DesignCost cost, EpochExamples examples, int batch) {
        return epochSeconds(cost, examples.train(), examples.validation(), batch, examples.timeSteps());
    }

    /** "about 1:23", "about 4 s", "under 1 s". */
    public static String describe(double seconds) {
        if (seconds < 0.95) {
            return "under 1 s";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "about %.0f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "about %d:%02d", s / 60, s % 60)
                : String.format(Locale.ROOT, "about %d h %02d min", s / 3600, s % 3600 / 60);
    }
}
