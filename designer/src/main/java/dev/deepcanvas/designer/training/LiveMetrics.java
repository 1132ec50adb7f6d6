package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.insight.DecisionBoundary;
import dev.deepcanvas.runtime.train.LayerHealth;
import dev.deepcanvas.runtime.train.TrainingEvent;
import dev.deepcanvas.runtime.train.TrainingEvent.BatchEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.LayerActivity;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Takes training events on the trainer's thread and keeps them in plain arrays (a few stores per
 * event, so the trainer is not slowed); {@link #flush} moves what arrived to the charts on the
 * JavaFX thread, at most as often as the window redraws. Only the latest progress, layer health
 * and decision map are kept: older ones were never seen.
 */
public final class LiveMetrics implements java.util.function.Consumer<TrainingEvent> {

    private final RunSeries series;
    private double[] batchX = new double[256];
    private double[] batchLoss = new double[256];
    private int batchCount;
    private double[][] epochs = new double[16][];
    private int epochCount;
    private volatile Progress progress = Progress.NONE;
    private volatile Map<String, LayerHealth> layers;
    private volatile DecisionBoundary.Grid boundary;
    private int epochTotal;
    private Duration remaining;
    private double estimatedEpochSeconds = Double.NaN;

    public LiveMetrics(RunSeries series) {
        this.series = series;
    }

    public RunSeries series() {
        return series;
    }

    /** Called on the trainer's thread. */
    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof BatchEnded b) {
            synchronized (this) {
                if (batchCount == batchX.length) {
                    batchX = Arrays.copyOf(batchX, batchCount * 2);
                    batchLoss = Arrays.copyOf(batchLoss, batchCount * 2);
                }
                batchX[batchCount] = b.epoch() - 1 + b.batch() / (double) b.batches();
                batchLoss[batchCount] = b.loss();
                batchCount++;
            }
            int total = Math.max(epochTotal, b.epoch());
            Progress p = new Progress(b.epoch(), total, b.batch(), b.batches(), b.samplesPerSecond(), remaining);
            if (remaining == null && estimatedEpochSeconds > 0) {
                // until the first epoch is measured, the time left comes from the estimate
                double left = estimatedEpochSeconds * total * (1 - p.fraction());
                p = new Progress(b.epoch(), total, b.batch(), b.batches(), b.samplesPerSecond(), Duration.ofMillis(Math.round(left * 1000)), true);
            }
            progress = p;
        } else if (event instanceof EpochEnded e) {
            double trainMetric = e.train().headline();
            double valLoss = e.validation() == null ? Double.NaN : e.validation().loss();
            double valMetric = e.validation() == null ? Double.NaN : e.validation().headline();
            synchronized (this) {
                if (epochCount == epochs.length) {
                    epochs = Arrays.copyOf(epochs, epochCount * 2);
                }
                epochs[epochCount++] = new double[] {e.epoch(), e.train().loss(), valLoss, trainMetric, valMetric};
            }
            epochTotal = e.epochs();
            remaining = e.remaining();
            Progress p = progress;
            progress = new Progress(e.epoch(), e.epochs(), p.batches(), p.batches(), p.samplesPerSecond(), e.remaining());
        } else if (event instanceof LayerActivity a) {
            layers = a.layers();
        }
    }

    /** The estimated seconds per epoch, for the time left before the first epoch ends; NaN when unknown. */
    public void expectEpochSeconds(double seconds) {
        estimatedEpochSeconds = seconds;
    }

    /** Sets the number of epochs before the first one ends (for the progress bar). */
    public void expectEpochs(int n) {
        epochTotal = n;
    }

    /** A new decision map, computed on the trainer's thread between batches. */
    public void offerBoundary(DecisionBoundary.Grid grid) {
        boundary = grid;
    }

    /** On the JavaFX thread: appends what arrived to the chart data; true when anything did. */
    public boolean flush() {
        double[] x;
        double[] y;
        int n;
        double[][] newEpochs;
        synchronized (this) {
            n = batchCount;
            x = n == 0 ? null : Arrays.copyOf(batchX, n);
            y = n == 0 ? null : Arrays.copyOf(batchLoss, n);
            batchCount = 0;
            newEpochs = Arrays.copyOf(epochs, epochCount);
            epochCount = 0;
        }
        if (n > 0) {
            series.addBatches(x, y, n);
        }
        for (double[] e : newEpochs) {
            series.addEpoch(e[0], e[1], e[2], e[3], e[4]);
        }
        return n > 0 || newEpochs.length > 0;
    }

    public Progress progress() {
        return progress;
    }

    /** The latest per-layer health, or null before the first sample. */
    public Map<String, LayerHealth> layers() {
        return layers;
    }

    /** The latest decision map, or null. */
    public DecisionBoundary.Grid boundary() {
        return boundary;
    }
}
