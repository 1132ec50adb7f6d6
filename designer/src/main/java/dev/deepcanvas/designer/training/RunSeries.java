package dev.deepcanvas.designer.training;

import dev.deepcanvas.designer.ui.SteadyDataSet;
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
    private static final String BATCH = "#9db8d9";
    private static final String SMOOTH = "#1f63c6";
    private static final String TRAIN = "#2e7d32";
    private static final String VALIDATION = "#d97706";
    /** Earlier runs, by run number. */
    private static final String[] EARLIER = {"#7b3fb0", "#00838f", "#6d4c41", "#c62828", "#616161", "#ad1457"};

    private static String style(String colour, double width) {
        return "-fx-line-color: " + colour + "; -fx-marker-color: " + colour + "; -fx-line-width: " + width + ";";
    }

    private double smoothed = Double.NaN;
    private DoubleDataSet overlayLoss;
    private DoubleDataSet overlayMetric;

    public RunSeries(int number, String label, boolean classification) {
        this.number = number;
        this.label = label;
        this.classification = classification;
        String metric = classification ? "accuracy" : "MAE";
        batchLoss = new SteadyDataSet("loss per batch");
        smoothedLoss = new SteadyDataSet("smoothed");
        trainLoss = new SteadyDataSet("training");
        validationLoss = new SteadyDataSet("validation");
        trainMetric = new SteadyDataSet("training");
        validationMetric = new SteadyDataSet("validation");
        // the same colours in both charts: training green, validation orange; batches pale blue
        batchLoss.setStyle(style(BATCH, 1));
        smoothedLoss.setStyle(style(SMOOTH, 2));
        trainLoss.setStyle(style(TRAIN, 2));
        trainMetric.setStyle(style(TRAIN, 2));
        validationLoss.setStyle(style(VALIDATION, 2));
        validationMetric.setStyle(style(VALIDATION, 2));
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

    /**
     * For an earlier run drawn beside the current one: its validation loss (or training loss without
     * a validation split), named by what differed. A copy, made once the run has ended.
     */
    DoubleDataSet overlayLoss() {
        if (overlayLoss == null) {
            overlayLoss = copy(validationLoss.getDataCount() > 0 ? validationLoss : trainLoss);
        }
        return overlayLoss;
    }

    /** As {@link #overlayLoss()}, for accuracy (or MAE). */
    DoubleDataSet overlayMetric() {
        if (overlayMetric == null) {
            overlayMetric = copy(validationMetric.getDataCount() > 0 ? validationMetric : trainMetric);
        }
        return overlayMetric;
    }

    private DoubleDataSet copy(DoubleDataSet of) {
        int n = of.getDataCount();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = of.get(io.fair_acc.dataset.DataSet.DIM_X, i);
            y[i] = of.get(io.fair_acc.dataset.DataSet.DIM_Y, i);
        }
        DoubleDataSet ds = new SteadyDataSet(label, x, y, n);
        ds.setStyle(style(EARLIER[(number - 1) % EARLIER.length], 1.5) + " -fx-line-dash-array: 6 4;");
        return ds;
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
