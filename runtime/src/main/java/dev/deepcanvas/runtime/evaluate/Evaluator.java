package dev.deepcanvas.runtime.evaluate;

import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.train.EpochMetrics;
import dev.deepcanvas.runtime.train.SplitScorer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Scores a trained model on a held-out split (normally the test split). */
public final class Evaluator {

    private Evaluator() {}

    public static TestReport evaluate(ComputationGraph graph, Examples split, Target target) {
        int n = split.size();
        if (target.task() == Task.REGRESSION) {
            if (split.reference() == null) {
                EpochMetrics m = SplitScorer.score(graph, split, n, target);
                return new RegressionReport(target.name(), m.mae(), m.rmse(), m.r2(), n);
            }
            float[] outputs = SplitScorer.outputs(graph, split, n);
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                actual[i] = split.toUnits(target, i, split.labels()[i]);
                predicted[i] = split.toUnits(target, i, outputs[i]);
            }
            return RegressionReport.forecast(target.name(), actual, predicted, split.reference());
        }
        float[] outputs = SplitScorer.outputs(graph, split, n);
        return fromOutputs(split, outputs, target);
    }

    /** A classification report from outputs already computed, as wide as the split's labels. */
    public static ClassificationReport fromOutputs(Examples split, float[] outputs, Target target) {
        int n = split.size();
        int[] actual = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            actual[i] = split.classOf(i);
            predicted[i] = Examples.classAt(outputs, i, split.labelWidth());
        }
        return ClassificationReport.of(target.classNames(), actual, predicted);
    }
}
