package dev.deepcanvas.runtime.train;

/**
 * Loss and quality of the model on one split. Classification fills {@code accuracy}; regression
 * fills MAE, RMSE and R² (in the target's own units). Unused values are NaN.
 */
public record EpochMetrics(double loss, double accuracy, double mae, double rmse, double r2) {

    public static EpochMetrics classification(double loss, double accuracy) {
        return new EpochMetrics(loss, accuracy, Double.NaN, Double.NaN, Double.NaN);
    }

    public static EpochMetrics regression(double loss, double mae, double rmse, double r2) {
        return new EpochMetrics(loss, Double.NaN, mae, rmse, r2);
    }

    public boolean isClassification() {
        return !Double.isNaN(accuracy);
    }

    /** The one number a progress line shows: accuracy, or MAE for regression. */
    public double headline() {
        return isClassification() ? accuracy : mae;
    }

    public String headlineName() {
        return isClassification() ? "acc" : "mae";
    }
}
