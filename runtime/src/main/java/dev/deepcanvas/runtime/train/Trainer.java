package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.compile.Updaters;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.train.TrainingEvent.BatchEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.Failed;
import dev.deepcanvas.runtime.train.TrainingEvent.Finished;
import dev.deepcanvas.runtime.train.TrainingEvent.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a compiled network on prepared data, batch by batch, on its own thread. Pause and stop
 * act between batches, so stop takes effect within one batch and leaves the model of the last
 * finished batch; pause keeps the optimiser state. The same seed gives the same loss curve on the
 * CPU (weights, split, shuffling and dropout are all seeded).
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    /**
     * Training accuracy (or MAE) is measured on at most this many training examples per epoch; the
     * training loss is the mean of the epoch's batch losses, as Keras reports it.
     */
    public static final int TRAIN_METRIC_SAMPLE = 500;

    private final ComputationGraph graph;
    private final PreparedData data;
    private final TrainingSetup setup;
    private final BatchTransform augment;
    private final List<Consumer<TrainingEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object pauseLock = new Object();
    private final CompletableFuture<TrainingEvent> result = new CompletableFuture<>();
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private final AtomicBoolean started = new AtomicBoolean();
    private long pausedNanos;
    private long pausedTotal;
    private boolean epochEvaluation = true;
    private volatile LayerProbe probe;
    private int epoch;
    private int batch;
    private int threads;

    /**
     * @param augment changes each training batch before it is fitted, or null
     */
    public Trainer(ComputationGraph graph, PreparedData data, TrainingSetup setup, BatchTransform augment) {
        this.graph = graph;
        this.data = data;
        this.setup = setup;
        this.augment = augment;
    }

    /**
     * Off: epochs report only the training loss (no validation or accuracy passes). For runs where
     * only speed matters; the benchmark uses it to tell event overhead from evaluation cost.
     */
    public void setEpochEvaluation(boolean on) {
        epochEvaluation = on;
    }

    /**
     * The CPU threads to train with ({@link ComputeThreads}), set when the run starts, since other
     * work (a calibration, another design's estimate) may change them in between; 0 leaves them.
     */
    public void setThreads(int count) {
        threads = count;
    }

    /** Attach a probe to publish {@link TrainingEvent.LayerActivity} now and then; null detaches. */
    public void setLayerProbe(LayerProbe layerProbe) {
        probe = layerProbe;
    }

    public void addListener(Consumer<TrainingEvent> listener) {
        listeners.add(listener);
    }

    public ComputationGraph graph() {
        return graph;
    }

    /** Runs on a new thread; {@link #result()} completes with the final event. A trainer runs once. */
    public Thread start() {
        claim();
        Thread thread = new Thread(this::train0, "deepcanvas-trainer");
        thread.start();
        return thread;
    }

    /** The final event: {@link Finished} or {@link Failed}. */
    public CompletableFuture<TrainingEvent> result() {
        return result;
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Ends the run after the batch in progress. */
    public void stop() {
        synchronized (pauseLock) {
            stopRequested = true;
            pauseLock.notifyAll();
        }
    }

    /** Trains on the calling thread and returns the final event. A trainer runs once. */
    public TrainingEvent run() {
        claim();
        return train0();
    }

    private void claim() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("this trainer has already run; prepare a new run");
        }
    }

    private TrainingEvent train0() {
        TrainingEvent last = null;
        try {
            last = train();
        } catch (RuntimeException | Error e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            last = new Failed("Training failed: " + message,
                    e instanceof OutOfMemoryError ? "The model or batch is too large for memory: use a smaller batch size or network."
                            : "Check that the data fits the network (problems panel), then try again.", epoch, batch);
        } finally {
            if (last != null) {
                publish(last);
            }
            result.complete(last);
        }
        return last;
    }

    private TrainingEvent train() {
        Examples train = data.train();
        Examples validation = data.validation();
        int n = train.size();
        int batchSize = Math.max(1, Math.min(setup.batchSize(), n));
        int batches = (n + batchSize - 1) / batchSize;
        int[] order = Batches.identity(n);
        BatchBuffers buffers = new BatchBuffers(train, batchSize);
        Random random = new Random(setup.seed());
        Nd4j.getRandom().setSeed(setup.seed());
        if (threads > 0) {
            ComputeThreads.set(threads);
        }
        long start = System.nanoTime();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        int epochsRun = 0;
        for (epoch = 1; epoch <= setup.epochs(); epoch++) {
            shuffle(order, random);
            long epochStart = System.nanoTime();
            pausedNanos = 0;
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                batch = b + 1;
                if (!waitWhilePaused()) {
                    return new Finished(Outcome.STOPPED, epochsRun, bestEpoch, since(start));
                }
                int from = b * batchSize;
                int to = Math.min(n, from + batchSize);
                float[] features = buffers.gather(order, from, to);
                if (augment != null) {
                    augment.apply(features, to - from, random);
                }
                DataSet step = buffers.dataSet(to - from);
                INDArray input = step.getFeatures();
                LayerProbe sampling = probe != null && probe.due() ? probe : null;
                double loss;
                // DL4J's output() locks the graph but fit() does not: hold the same lock while
                // fitting so a view asking for predictions waits for the batch to end.
                synchronized (graph) {
                    if (sampling != null) {
                        sampling.beforeStep(graph);
                    }
                    graph.fit(step);
                    loss = graph.score();
                }
                if (!Double.isFinite(loss)) {
                    return nanFailure(epoch, b + 1, loss);
                }
                lossSum += loss * (to - from);
                double seconds = (System.nanoTime() - epochStart - pausedNanos) / 1e9;
                publish(new BatchEnded(epoch, b + 1, batches, loss, to / Math.max(seconds, 1e-9)));
                if (sampling != null) {
                    Map<String, LayerHealth> health;
                    synchronized (graph) {
                        health = sampling.afterStep(graph, input);
                    }
                    publish(new TrainingEvent.LayerActivity(epoch, b + 1, health));
                }
            }
            graph.incrementEpochCount();
            epochsRun = epoch;
            EpochMetrics trainMetrics = trainingMetrics(lossSum / n);
            EpochMetrics validationMetrics = validation.size() == 0 || !epochEvaluation ? null
                    : SplitScorer.score(graph, validation, validation.size(), data.target());
            double monitored = validationMetrics != null ? validationMetrics.loss() : trainMetrics.loss();
            boolean improved = monitored < bestLoss;
            if (improved) {
                bestLoss = monitored;
                bestEpoch = epoch;
                if (setup.keepBest()) {
                    bestParams = graph.params().dup();
                }
            }
            Duration elapsed = since(start);
            Duration remaining = elapsed.dividedBy(epoch).multipliedBy(setup.epochs() - epoch);
            publish(new EpochEnded(epoch, setup.epochs(), trainMetrics, validationMetrics, elapsed, remaining, improved, learningRate(epoch)));
            if (setup.patience() > 0 && epoch - bestEpoch >= setup.patience()) {
                restoreBest(bestParams);
                return new Finished(Outcome.EARLY_STOPPED, epochsRun, bestEpoch, since(start));
            }
        }
        restoreBest(bestParams);
        return new Finished(Outcome.COMPLETED, epochsRun, bestEpoch, since(start));
    }

    private EpochMetrics trainingMetrics(double loss) {
        if (!epochEvaluation) {
            return new EpochMetrics(loss, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        int sample = Math.min(data.train().size(), TRAIN_METRIC_SAMPLE);
        float[] outputs = SplitScorer.outputs(graph, data.train(), sample);
        return SplitScorer.metrics(loss, data.train(), outputs, sample, data.target());
    }

    private void restoreBest(INDArray bestParams) {
        if (bestParams != null) {
            synchronized (graph) {
                graph.setParams(bestParams);
            }
        }
    }

    /** Blocks while paused (time not counted as training); false when a stop was requested. */
    private boolean waitWhilePaused() {
        long start = System.nanoTime();
        try {
            synchronized (pauseLock) {
                while (paused && !stopRequested) {
                    pauseLock.wait();
                }
                return !stopRequested;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            long waited = System.nanoTime() - start;
            pausedNanos += waited;
            pausedTotal += waited;
        }
    }

    private TrainingEvent nanFailure(int epoch, int batch, double loss) {
        String what = Double.isNaN(loss) ? "not a number (NaN)" : "infinite";
        String hint;
        if (setup.learningRate() > 0.01) {
            hint = String.format("The learning rate (%s) is probably too high: try %s. Standardising the inputs or gradient clipping (e.g. 1.0) also helps.",
                    setup.learningRate(), setup.learningRate() / 10);
        } else {
            hint = "Check the data for extreme values and turn on standardisation; gradient clipping (e.g. 1.0) keeps updates bounded.";
        }
        return new Failed("The loss became " + what + " in epoch " + epoch + ", batch " + batch
                + ", so training stopped: the weights can no longer be trusted.", hint, epoch, batch);
    }

    /** The learning rate in force during {@code epoch} (1-based), after decay: DL4J's own schedule's value. */
    double learningRate(int epoch) {
        return Updaters.learningRate(setup, epoch);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Training time since {@code start}, without the time spent paused. */
    private Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start - pausedTotal);
    }

    /** A failing listener is logged and skipped: it must not end the run or other listeners. */
    private void publish(TrainingEvent event) {
        for (Consumer<TrainingEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("a training listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
