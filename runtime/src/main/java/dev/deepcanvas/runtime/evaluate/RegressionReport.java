package dev.deepcanvas.runtime.evaluate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.train.RegressionErrors;

/**
 * Errors of a regression model in the target's own units. For a forecast also the errors of the
 * naive forecast ("the same as the last step") on the same examples, so a user sees whether the
 * model learned anything beyond persistence.
 *
 * @param naive the naive forecast's errors, or null when the examples are not a time series
 */
public record RegressionReport(String target, double mae, double rmse, double r2, int total, RegressionErrors naive)
        implements TestReport {

    public RegressionReport(String target, double mae, double rmse, double r2, int total) {
        this(target, mae, rmse, r2, total, null);
    }

    /** The report for actual and predicted values in the target's units. */
    public static RegressionReport of(String target, double[] actual, double[] predicted) {
        RegressionErrors e = RegressionErrors.of(actual, predicted);
        return new RegressionReport(target, e.mae(), e.rmse(), e.r2(), actual.length);
    }

    /** A forecast's report, beside the naive forecast {@code last} (each example's last observed value). */
    public static RegressionReport forecast(String target, double[] actual, double[] predicted, double[] last) {
        RegressionErrors e = RegressionErrors.of(actual, predicted);
        return new RegressionReport(target, e.mae(), e.rmse(), e.r2(), actual.length, RegressionErrors.of(actual, last));
    }

    /** How much lower the model's RMSE is than the naive forecast's, as a share (0.12 = 12 % lower); NaN without one. */
    public double gainOverNaive() {
        return naive == null || naive.rmse() == 0 ? Double.NaN : 1 - rmse / naive.rmse();
    }

    @Override
    public String toText() {
        String model = String.format("Test (%d examples, %s): MAE %.4f   RMSE %.4f   R² %.4f%n", total, target, mae, rmse, r2);
        if (naive == null) {
            return model;
        }
        String verdict = gainOverNaive() > 0
                ? String.format("the model's RMSE is %.1f %% lower than the naive forecast's", 100 * gainOverNaive())
                : String.format("the model does not beat the naive forecast (RMSE %.1f %% higher)", -100 * gainOverNaive());
        return model + String.format("Naive forecast (same as the last step): MAE %.4f   RMSE %.4f   R² %.4f%n", naive.mae(), naive.rmse(),
                naive.r2()) + "Verdict: " + verdict + ".\n";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task", "regression");
        o.put("target", target);
        o.put("total", total);
        o.put("mae", mae);
        o.put("rmse", rmse);
        o.put("r2", r2);
        if (naive != null) {
            ObjectNode n = o.putObject("naive");
            n.put("mae", naive.mae());
            n.put("rmse", naive.rmse());
            n.put("r2", naive.r2());
        }
        return o;
    }
}
