package dev.deepcanvas.bench;

import com.sun.management.OperatingSystemMXBean;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.train.Trainer;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Issue 9 benchmark: training throughput of the spam-filter sample (Embedding → LSTM → masked max
 * pooling → softmax) in DeepCanvas, for comparison with the same network in PyTorch
 * (bench/pytorch/spam_lstm_bench.py). The project is loaded and prepared by the product's own code
 * ({@link TrainingRun#prepare}), and every epoch runs through the product's {@link Trainer} with the
 * feature masks, as the Train button does, but with the per-epoch validation pass turned off
 * (the PyTorch peer has none). The prepared training split is exported for the peer, so both train
 * on the same token ids, masks, labels and, epoch by epoch, the same shuffled order.
 *
 * <p>Usage: {@code TextTrainingBenchmark [rounds|serve] [batches]}. With a number it times that many
 * one-epoch rounds after a warm-up epoch and prints each and the median. With {@code serve} (what
 * bench/run-text-training.sh uses to alternate with PyTorch) it warms up, prints {@code READY},
 * then times one epoch for every round number read from standard input and answers with a
 * {@code RESULT} line. {@code batches} limits each epoch to the first batches × batch-size
 * examples of the split, for smoke tests.
 */
public final class TextTrainingBenchmark {

    static final Path PROJECT = Path.of("samples/spam-filter/spam-filter.deepcanvas");
    static final Path EXPORT = Path.of("bench/target/spam-train.bin");

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** One timed epoch. */
    record Round(int round, int samples, long realTokens, long paddedTokens, double wall, double cpu, double loss, int[] orderHead) {

        double samplesPerSecond() {
            return samples / wall;
        }

        double realTokensPerSecond() {
            return realTokens / wall;
        }

        double paddedTokensPerSecond() {
            return paddedTokens / wall;
        }
    }

    private TextTrainingBenchmark() {}

    public static void main(String[] args) throws Exception {
        boolean serve = args.length > 0 && args[0].equals("serve");
        int rounds = args.length > 0 && !serve ? Integer.parseInt(args[0]) : 4;
        int batchLimit = args.length > 1 ? Integer.parseInt(args[1]) : 0;

        NetworkDocument doc = new DocumentFiles().load(PROJECT);
        long t0 = System.nanoTime();
        TrainingRun run = TrainingRun.prepare(doc, PROJECT);
        PreparedData full = run.data();
        ComputationGraph graph = run.graph();
        TrainingSetup setup = doc.training();
        int vocabulary = ((TextEncoding) full.encoding()).vocabulary().size();
        info(String.format(Locale.ROOT, "DL4J: %s: %d training texts prepared in %.2f s; fitted vocabulary %d ids; %,d parameters; threads: %s",
                PROJECT.getFileName(), full.train().size(), (System.nanoTime() - t0) / 1e9, vocabulary, graph.numParams(),
                System.getenv().getOrDefault("OMP_NUM_THREADS", "default")));
        exportForPyTorch(full.train(), graph, vocabulary, EXPORT);

        PreparedData data = limited(full, batchLimit * setup.batchSize());
        info(String.format(Locale.ROOT, "DL4J: each epoch %d samples in batches of %d, %d steps, feature masks on", data.train().size(),
                setup.batchSize(), data.train().timeSteps()));
        // Warm-up epoch (JIT, workspaces, native buffers), not timed; rounds then shuffle with seeds 1, 2, ...
        epoch(graph, data, setup, 0);

        List<Round> done = new ArrayList<>();
        if (serve) {
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
                Round r = epoch(graph, data, setup, Integer.parseInt(line.strip()));
                done.add(r);
                info(describe(r));
                System.out.println(result(r));
                System.out.flush();
            }
        } else {
            for (int r = 1; r <= rounds; r++) {
                Round one = epoch(graph, data, setup, r);
                done.add(one);
                info(describe(one));
            }
        }
        if (!done.isEmpty()) {
            info(String.format(Locale.ROOT, "DL4J median of %d rounds: %.1f samples/s, %.0f real tokens/s, %.0f padded tokens/s",
                    done.size(), median(done, Round::samplesPerSecond), median(done, Round::realTokensPerSecond),
                    median(done, Round::paddedTokensPerSecond)));
        }
    }

    /**
     * One epoch through the product's Trainer. A trainer runs once, so each epoch gets a new one on
     * the same graph (the Adam state lives in the graph and carries on); the seed picks the shuffle.
     */
    static Round epoch(ComputationGraph graph, PreparedData data, TrainingSetup setup, int round) {
        Trainer trainer = new Trainer(graph, data, setup.toBuilder().epochs(1).seed(round).build(), null);
        trainer.setEpochEvaluation(false);
        double[] loss = {Double.NaN};
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.EpochEnded end) {
                loss[0] = end.train().loss();
            }
        });
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        TrainingEvent end = trainer.run();
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
        if (!(end instanceof TrainingEvent.Finished)) {
            throw new IllegalStateException("training failed: " + end);
        }
        Examples train = data.train();
        long real = 0;
        for (int i = 0; i < train.size(); i++) {
            real += train.length(i);
        }
        int[] head = Arrays.copyOf(trainerOrder(train.size(), round), Math.min(4, train.size()));
        return new Round(round, train.size(), real, (long) train.size() * train.timeSteps(), wallSeconds, cpuSeconds, loss[0], head);
    }

    /**
     * The order the Trainer visits examples in during its first epoch with this seed (identity,
     * then Fisher–Yates with java.util.Random), so the PyTorch peer can use the same and the
     * script can check that it did.
     */
    static int[] trainerOrder(int n, long seed) {
        return TrainingBenchmark.shuffled(n, new Random(seed));
    }

    /** The data with the training split cut to its first {@code count} examples (0: all of it). */
    static PreparedData limited(PreparedData d, int count) {
        Examples t = d.train();
        if (count <= 0 || count >= t.size()) {
            return d;
        }
        int width = t.featureWidth();
        Examples cut = new Examples(t.exampleShape(), Arrays.copyOf(t.features(), count * width), t.labelWidth(),
                Arrays.copyOf(t.labels(), count * t.labelWidth()), Arrays.copyOf(t.origins(), count),
                t.mask() == null ? null : Arrays.copyOf(t.mask(), count * t.timeSteps()), t.reference());
        return new PreparedData(d.target(), cut, d.validation(), d.test(), d.encoding(), d.report(), d.imageFiles());
    }

    static String describe(Round r) {
        return String.format(Locale.ROOT,
                "DL4J round %d: %7.1f samples/s, %8.0f real tokens/s, %8.0f padded tokens/s (%d samples, %,d real tokens in %.2f s wall, %.2f s CPU; mean loss %.4f)",
                r.round(), r.samplesPerSecond(), r.realTokensPerSecond(), r.paddedTokensPerSecond(), r.samples(), r.realTokens(), r.wall(),
                r.cpu(), r.loss());
    }

    /** The machine-readable line bench/run-text-training.sh collects; keep in step with the PyTorch peer's. */
    static String result(Round r) {
        StringBuilder head = new StringBuilder();
        for (int i : r.orderHead()) {
            head.append(head.length() == 0 ? "" : ",").append(i);
        }
        return String.format(Locale.ROOT,
                "RESULT engine=dl4j round=%d samples=%d samples_per_s=%.3f real_tokens_per_s=%.1f padded_tokens_per_s=%.1f wall_s=%.3f cpu_s=%.3f loss=%.5f order=%s",
                r.round(), r.samples(), r.samplesPerSecond(), r.realTokensPerSecond(), r.paddedTokensPerSecond(), r.wall(), r.cpu(), r.loss(), head);
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] v = rounds.stream().mapToDouble(value).sorted().toArray();
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Progress goes to standard error, so standard output carries only the protocol lines when serving. */
    static void info(String line) {
        System.err.println(line);
    }

    /**
     * Raw little-endian file for the PyTorch peer: seven int32 — n examples, T time steps, classes,
     * embedding rows (the table DL4J allocated), embedding dimension, LSTM units, fitted vocabulary
     * ids (reserved ones included) — then n×T int32 token ids (example after example, padding 0,
     * unknown 1), n×T uint8 mask (1 real step, 0 padding), n int32 class labels.
     */
    static void exportForPyTorch(Examples train, ComputationGraph graph, int vocabulary, Path file) throws IOException {
        long rows = -1;
        long dimension = -1;
        long units = -1;
        for (Layer layer : graph.getLayers()) {
            if (layer.conf().getLayer() instanceof EmbeddingSequenceLayer e) {
                rows = e.getNIn();
                dimension = e.getNOut();
            } else if (layer.conf().getLayer() instanceof LSTM l) {
                units = l.getNOut();
            }
        }
        if (rows < 0 || units < 0) {
            throw new IllegalStateException("the spam-filter sample no longer has an Embedding and an LSTM: update this benchmark");
        }
        int n = train.size();
        int t = train.timeSteps();
        Files.createDirectories(file.getParent());
        ByteBuffer buffer = ByteBuffer.allocate(7 * 4 + n * t * 4 + n * t + n * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(n).putInt(t).putInt(train.labelWidth()).putInt((int) rows).putInt((int) dimension).putInt((int) units).putInt(vocabulary);
        for (float id : train.features()) {
            buffer.putInt((int) id);
        }
        float[] mask = train.mask();
        for (int i = 0; i < n * t; i++) {
            buffer.put((byte) (mask == null || mask[i] > 0 ? 1 : 0));
        }
        for (int i = 0; i < n; i++) {
            buffer.putInt(train.classOf(i));
        }
        Files.write(file, buffer.array());
        info(String.format(Locale.ROOT, "DL4J: exported %d training texts (%d steps, embedding %d × %d, LSTM %d) to %s for bench/pytorch/spam_lstm_bench.py",
                n, t, rows, dimension, units, file));
    }
}
