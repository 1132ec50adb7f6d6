package dev.deepcanvas.runtime.evaluate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.train.RegressionErrors;

/** Errors of a regression model in the target's own units. */
public record RegressionReport(String target, double mae, double rmse, double r2, int total) implements TestReport {

    /** The report for actual and predicted values in the target's units. */
    public static RegressionReport of(String target, double[] actual, double[] predicted) {
        RegressionErrors e = RegressionErrors.of(actual, predicted);
        return new RegressionReport(target, e.mae(), e.rmse(), e.r2(), actual.length);
    }

    @Override
    public String toText() {
        return String.format("Test (%d examples, %s): MAE %.4f   RMSE %.4f   R² %.4f%n", total, target, mae, rmse, r2);
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
        return o;
    }
}
