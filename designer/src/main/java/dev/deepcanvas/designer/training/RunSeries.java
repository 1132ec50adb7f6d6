package dev.deepcanvas.designer.training;

import io.fair_acc.dataset.spi.DoubleDataSet;

/**
 * The curves of one training run, as chart data sets: loss per batch (raw and smoothed), and per
 * epoch the training and validation loss and accuracy (or MAE). Changed only on the JavaFX thread.
 * The x axis is in epochs for all of them (batch 3 of 10 in epoch 2 is at 1.3), so the loss and
 * accuracy charts share one axis.
 */
public final class RunSeries {

    /** Weight of the newest batch in the smoothed loss (an exponential moving average). */
    static final double SMOOTHING = 0.1;

    private final int number;
    private final String label;
    private final boolean classification;
    private final DoubleDataSet batchLoss;
    private final DoubleDataSet smoothedLoss;
    private final DoubleDataSet trainLoss;
    private final DoubleDataSet validationLoss;
    private final DoubleDataSet trainMetric;
    private final DoubleDataSet validationMetric;
    private double smoothed = Double.NaN;

    public RunSeries(int number, String label, boolean classification) {
        this.number = number;
        this.label = label;
        this.classification = classification;
        String metric = classification ? "accuracy" : "MAE";
        batchLoss = new DoubleDataSet(label + ": loss per batch");
        smoothedLoss = new DoubleDataSet(label + ": loss (smoothed)");
        trainLoss = new DoubleDataSet(label + ": training loss");
        validationLoss = new DoubleDataSet(label + ": validation loss");
        trainMetric = new DoubleDataSet(label + ": training " + metric);
        validationMetric = new DoubleDataSet(label + ": validation " + metric);
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public boolean classification() {
        return classification;
    }

    /** Appends buffered batch losses (x in epochs); the smoothed curve follows. */
    void addBatches(double[] x, double[] loss, int n) {
        if (n == 0) {
            return;
        }
        double[] xs = java.util.Arrays.copyOf(x, n);
        double[] ys = java.util.Arrays.copyOf(loss, n);
        double[] smooth = new double[n];
        for (int i = 0; i < n; i++) {
            smoothed = Double.isNaN(smoothed) ? ys[i] : smoothed + SMOOTHING * (ys[i] - smoothed);
            smooth[i] = smoothed;
        }
        batchLoss.add(xs, ys);
        smoothedLoss.add(xs, smooth);
    }

    void addEpoch(double epoch, double trainLossValue, double validationLossValue, double trainMetricValue, double validationMetricValue) {
        trainLoss.add(epoch, trainLossValue);
        if (!Double.isNaN(validationLossValue)) {
            validationLoss.add(epoch, validationLossValue);
        }
        if (!Double.isNaN(trainMetricValue)) {
            trainMetric.add(epoch, trainMetricValue);
        }
        if (!Double.isNaN(validationMetricValue)) {
            validationMetric.add(epoch, validationMetricValue);
        }
    }

    public DoubleDataSet batchLoss() {
        return batchLoss;
    }

    public DoubleDataSet smoothedLoss() {
        return smoothedLoss;
    }

    public DoubleDataSet trainLoss() {
        return trainLoss;
    }

    public DoubleDataSet validationLoss() {
        return validationLoss;
    }

    public DoubleDataSet trainMetric() {
        return trainMetric;
    }

    public DoubleDataSet validationMetric() {
        return validationMetric;
    }
}
