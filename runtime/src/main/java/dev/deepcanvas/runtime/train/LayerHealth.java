package dev.deepcanvas.runtime.train;

/**
 * How one layer is doing during training, from one sampled batch.
 *
 * @param updateRatio how much the weights moved in one step, relative to their size (‖ΔW‖ / ‖W‖;
 *     about 1e-3 is healthy); NaN for layers without weights
 * @param activationStd spread of the layer's outputs on the batch
 * @param zeroFraction share of outputs that are exactly zero (dead ReLUs when near 1)
 * @param advice what looks wrong, in plain words, or empty when the layer looks healthy
 * @param weights histogram of the weights, only for the watched layer (else null)
 * @param activations histogram of the outputs, only for the watched layer (else null)
 */
public record LayerHealth(
        double updateRatio,
        double activationMean,
        double activationStd,
        double zeroFraction,
        String advice,
        Histogram weights,
        Histogram activations) {

    /** Healthy range of {@link #updateRatio}: a rule of thumb from the course (and cs231n). */
    public static final double LOW_UPDATE = 1e-5;
    public static final double HIGH_UPDATE = 1e-1;

    public boolean healthy() {
        return advice.isEmpty();
    }

    static String adviceFor(double updateRatio, double std, double zeroFraction, double mean) {
        if (!Double.isNaN(updateRatio) && updateRatio > HIGH_UPDATE) {
            return String.format("Weights change by %.0f%% per step: the learning rate is probably too high.", updateRatio * 100);
        }
        if (!Double.isNaN(updateRatio) && updateRatio < LOW_UPDATE && updateRatio >= 0) {
            return "Weights barely change: the learning rate may be too low, or the gradient vanishes before this layer.";
        }
        if (zeroFraction > 0.9) {
            return String.format("%.0f%% of outputs are zero (dead ReLUs): lower the learning rate or try leaky_relu.", zeroFraction * 100);
        }
        if (!Double.isNaN(std) && std < 1e-4) {
            return "Outputs are nearly constant: this layer passes almost no information on.";
        }
        if (Math.abs(mean) > 1e3 || std > 1e3) {
            return "Outputs are huge: normalise the inputs or add BatchNorm.";
        }
        return "";
    }
}
