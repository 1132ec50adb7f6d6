package dev.deepcanvas.runtime.train;

/** MAE, RMSE and R² of predictions against actual values (both in the target's units). */
public record RegressionErrors(double mae, double rmse, double r2) {

    public static RegressionErrors of(double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = 0;
        for (double a : actual) {
            mean += a / n;
        }
        double absolute = 0;
        double squared = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - actual[i];
            absolute += Math.abs(error);
            squared += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return new RegressionErrors(absolute / n, Math.sqrt(squared / n), total == 0 ? Double.NaN : 1 - squared / total);
    }
}
