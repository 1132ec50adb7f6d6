package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.compute.OneDnn;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.images.ImageFolderLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.train.Trainer;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Issue 3 benchmarks (a) and (b) on the MNIST subset, measured as ratios within one run, with the
 * variants interleaved epoch by epoch so that drift on the machine hits them alike:
 * (a) the network built by DeepCanvas vs the same network written by hand in DL4J, both fitted
 * by the same bare loop; (b) DeepCanvas's Trainer (events, listener, epoch metrics) vs that bare
 * loop. Also exports the training split for the PyTorch peer (bench/pytorch/mnist_bench.py).
 *
 * <p>Usage: bench/run-training.sh [rounds] [images folder] [mlp] — each round is one epoch per
 * variant; "mlp" skips LeNet for a quick run.
 */
public final class TrainingBenchmark {

    static final int SEED = 42;

    private TrainingBenchmark() {}

    public static void main(String[] args) throws Exception {
        // as the product does before building any layer: DL4J's oneDNN helpers (decision 0015),
        // so the hand-written graphs get them too; -Ddeepcanvas.onednn=false measures without
        NativeStart.prepare();
        System.out.println("oneDNN helpers: " + (OneDnn.active() ? "on" : "off"));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path images = Path.of(args.length > 1 ? args[1] : "samples/mnist/data/images");
        DataBinding binding = DataBinding.images(images.toString()).withSplit(0.8, 0.1, 0.1);
        long t0 = System.nanoTime();
        PreparedData data = ImageFolderLoader.prepare(images, binding, SEED, 28, 28, 1);
        System.out.printf("MNIST subset: %d training images loaded in %.2f s; threads: %s%n", data.train().size(),
                (System.nanoTime() - t0) / 1e9, System.getenv().getOrDefault("OMP_NUM_THREADS", "default"));
        exportForPyTorch(data.train(), Path.of("bench/target/mnist-train.bin"));
        boolean lenet = !(args.length > 2 && args[2].equals("mlp"));
        for (int batch : new int[] {64, 256}) {
            compare("MLP 784-256-128-10", batch, rounds, data, () -> mlpDocument(batch), () -> mlpByHand());
            if (lenet && batch == 64) {
                compare("LeNet (DL4J zoo)", batch, rounds, data, () -> lenetDocument(batch), () -> lenetByHand());
                compare("Keras MNIST convnet", batch, rounds, data, () -> templateDocument("keras-mnist-convnet", batch), () -> convnetByHand());
            }
        }
    }

    static void compare(String name, int batch, int rounds, PreparedData data, Supplier<NetworkDocument> doc, Supplier<ComputationGraph> byHand)
            throws Exception {
        // every DL4J variant trains with the threads the product gives this design (ComputeThreads)
        NetworkDocument d = doc.get();
        int threads = ComputeThreads.applyFor(DesignCost.of(d, ShapeInference.analyse(d)).trainingFlopsPerBatch(batch, 1));
        System.out.printf("%s, batch %d: %d ND4J thread(s)%n", name, batch, threads);
        ComputationGraph handGraph = byHand.get();
        ComputationGraph compiled = new NetworkCompiler().compile(doc.get());
        ComputationGraph eventsOnly = new NetworkCompiler().compile(doc.get());
        ComputationGraph trained = new NetworkCompiler().compile(doc.get());
        if (handGraph.numParams() != compiled.numParams()) {
            throw new IllegalStateException("networks differ: " + handGraph.numParams() + " vs " + compiled.numParams());
        }
        // A warm-up epoch for each variant (JIT, workspaces), not measured.
        bareEpoch(handGraph, data.train(), batch, new Random(1));
        bareEpoch(compiled, data.train(), batch, new Random(1));
        trainerEpoch(eventsOnly, data, doc.get().training(), false);
        trainerEpoch(trained, data, doc.get().training(), true);
        double[] hand = new double[2];
        double[] deepcanvas = new double[2];
        double[] events = new double[2];
        double[] trainer = new double[2];
        // Epoch times depend on their position in a round (the epoch after another graph's runs
        // slower), so the order rotates every round: each variant takes each position equally often.
        double[][] totals = {hand, deepcanvas, events, trainer};
        for (int r = 0; r < rounds; r++) {
            int round = r;
            List<Supplier<double[]>> variants = List.of(
                    () -> timed(() -> bareEpoch(handGraph, data.train(), batch, new Random(round))),
                    () -> timed(() -> bareEpoch(compiled, data.train(), batch, new Random(round))),
                    () -> timed(() -> trainerEpoch(eventsOnly, data, doc.get().training(), false)),
                    () -> timed(() -> trainerEpoch(trained, data, doc.get().training(), true)));
            for (int i = 0; i < variants.size(); i++) {
                int v = (i + r) % variants.size();
                add(totals[v], variants.get(v).get());
            }
        }
        int n = data.train().size() * rounds;
        System.out.printf("%-20s batch %3d  samples/s (wall): hand-written DL4J %7.0f | DeepCanvas %7.0f | Trainer+events %7.0f | +validation %7.0f%n",
                name, batch, n / hand[0], n / deepcanvas[0], n / events[0], n / trainer[0]);
        System.out.printf("%-20s batch %3d  samples per CPU-second: hand-written DL4J %7.0f | DeepCanvas %7.0f%n",
                name, batch, n / hand[1], n / deepcanvas[1]);
        System.out.printf("%-20s batch %3d  ratios wall (cpu): a) DeepCanvas/hand %.3f (%.3f) | b) Trainer+events/bare %.3f (%.3f) | with validation/bare %.3f (%.3f)%n",
                name, batch, hand[0] / deepcanvas[0], hand[1] / deepcanvas[1], deepcanvas[0] / events[0], deepcanvas[1] / events[1],
                deepcanvas[0] / trainer[0], deepcanvas[1] / trainer[1]);
    }

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /**
     * Wall-clock and process CPU seconds of one run. CPU time counts ND4J's native threads too and
     * is far less disturbed by other processes on a shared machine than wall-clock time.
     */
    static double[] timed(Runnable work) {
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        work.run();
        return new double[] {(System.nanoTime() - wall) / 1e9, (OS.getProcessCpuTime() - cpu) / 1e9};
    }

    static void add(double[] total, double[] one) {
        total[0] += one[0];
        total[1] += one[1];
    }

    /** One epoch of plain {@code fit} calls over shuffled batches; seconds. */
    static double bareEpoch(ComputationGraph graph, Examples train, int batch, Random random) {
        int n = train.size();
        int[] order = shuffled(n, random);
        int width = train.featureWidth();
        long start = System.nanoTime();
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            float[] x = new float[(to - from) * width];
            float[] y = new float[(to - from) * train.labelWidth()];
            for (int i = from; i < to; i++) {
                System.arraycopy(train.features(), order[i] * width, x, (i - from) * width, width);
                System.arraycopy(train.labels(), order[i] * train.labelWidth(), y, (i - from) * train.labelWidth(), train.labelWidth());
            }
            graph.fit(new DataSet(Nd4j.create(x, new long[] {to - from, 1, 28, 28}, 'c'), Nd4j.create(y, new long[] {to - from, train.labelWidth()}, 'c')));
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One epoch through DeepCanvas's Trainer with a listener that reads every event; seconds. */
    static double trainerEpoch(ComputationGraph graph, PreparedData data, TrainingSetup setup, boolean evaluate) {
        long[] events = new long[1];
        Trainer t = new Trainer(graph, data, setup.toBuilder().epochs(1).build(), null);
        t.setEpochEvaluation(evaluate);
        t.addListener(e -> {
            if (e instanceof TrainingEvent.BatchEnded b && b.loss() > -1) {
                events[0]++;
            }
        });
        long start = System.nanoTime();
        t.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    static TrainingSetup setup(int batch) {
        return TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.001).batchSize(batch).epochs(1).seed(SEED).build();
    }

    static NetworkDocument mlpDocument(int batch) {
        var b = new DocumentBuilder("MLP 784-256-128-10");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Flatten");
        b.then("Dense", "units", 256, "activation", "relu");
        b.then("Dense", "units", 128, "activation", "relu");
        b.then("Output", "units", 10);
        NetworkDocument doc = b.build();
        doc.setTraining(setup(batch));
        return doc;
    }

    static NetworkDocument lenetDocument(int batch) {
        return templateDocument("dl4j-lenet", batch);
    }

    static NetworkDocument templateDocument(String name, int batch) {
        try {
            NetworkDocument doc = new DocumentFiles().load(Path.of("samples/templates/" + name + ".deepcanvas"));
            doc.setTraining(setup(batch));
            return doc;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** keras.io "Simple MNIST convnet", written directly in DL4J. */
    static ComputationGraph convnetByHand() {
        var conf = base().convolutionMode(ConvolutionMode.Truncate).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addLayer("c1", new ConvolutionLayer.Builder(3, 3).nOut(32).activation(Activation.RELU).build(), "in")
                .addLayer("p1", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), "c1")
                .addLayer("c2", new ConvolutionLayer.Builder(3, 3).nOut(64).activation(Activation.RELU).build(), "p1")
                .addLayer("p2", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), "c2")
                .addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(5, 5, 64)), "p2")
                .addLayer("drop", new DropoutLayer.Builder(0.5).build(), "flat")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "drop")
                .setOutputs("out")
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(SEED).updater(new Adam(0.001, 0.9, 0.999, 1e-7)).weightInit(WeightInit.XAVIER).dataType(DataType.FLOAT);
    }

    static ComputationGraph mlpByHand() {
        var conf = base().graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(28, 28, 1)), "in")
                .addLayer("d1", new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), "flat")
                .addLayer("d2", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "d1")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "d2")
                .setOutputs("out")
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    static ComputationGraph lenetByHand() {
        var conf = base().convolutionMode(ConvolutionMode.Same).graphBuilder()
                .addInputs("in")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addLayer("c1", new ConvolutionLayer.Builder(5, 5).nOut(20).activation(Activation.RELU).build(), "in")
                .addLayer("p1", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), "c1")
                .addLayer("c2", new ConvolutionLayer.Builder(5, 5).nOut(50).activation(Activation.RELU).build(), "p1")
                .addLayer("p2", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build(), "c2")
                .addLayer("d1", new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build(), "p2")
                .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "d1")
                .setOutputs("out")
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        return g;
    }

    /** Raw little-endian file: int n, then n×784 float features, then n int labels. */
    static void exportForPyTorch(Examples train, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        int n = train.size();
        ByteBuffer buffer = ByteBuffer.allocate(4 + n * 784 * 4 + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(n);
        for (float v : train.features()) {
            buffer.putFloat(v);
        }
        for (int i = 0; i < n; i++) {
            buffer.putInt(train.classOf(i));
        }
        Files.write(file, buffer.array());
        System.out.println("exported " + n + " training images to " + file + " for bench/pytorch/mnist_bench.py");
    }

}
