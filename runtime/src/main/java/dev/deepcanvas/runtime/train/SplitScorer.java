package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs the model in inference mode (no dropout) over a split and measures it: DL4J's own loss,
 * and accuracy or MAE/RMSE/R² in the target's units. Works in batches to bound memory.
 */
public final class SplitScorer {

    static final int BATCH = 512;

    private SplitScorer() {}

    /** The model's outputs for the first {@code count} examples, {@code count × width} values. */
    public static float[] outputs(ComputationGraph graph, Examples split, int count) {
        int[] order = Batches.identity(count);
        int width = split.labelWidth();
        float[] out = new float[count * width];
        for (int from = 0; from < count; from += BATCH) {
            int to = Math.min(count, from + BATCH);
            INDArray features = Batches.featureArray(split, Batches.features(split, order, from, to), to - from);
            float[] values = Batches.output(graph, features, Batches.maskArray(split, order, from, to)).ravel().toFloatVector();
            System.arraycopy(values, 0, out, from * width, values.length);
        }
        return out;
    }

    /** Loss and metrics on the first {@code count} examples of a split, from one forward pass. */
    public static EpochMetrics score(ComputationGraph graph, Examples split, int count, Target target) {
        float[] outputs = outputs(graph, split, count);
        double loss = OutputLoss.of(graph).mean(outputs, split.labels(), count, split.labelWidth());
        return metrics(loss, split, outputs, count, target);
    }

    /** Metrics for outputs already computed, with a loss measured elsewhere (e.g. the epoch's batches). */
    static EpochMetrics metrics(double loss, Examples split, float[] outputs, int count, Target target) {
        if (target.task() == Task.CLASSIFICATION) {
            return EpochMetrics.classification(loss, accuracy(split, outputs, count));
        }
        return regression(loss, split, outputs, count, target);
    }

    static double accuracy(Examples split, float[] outputs, int count) {
        int width = split.labelWidth();
        int correct = 0;
        for (int i = 0; i < count; i++) {
            if (Examples.classAt(outputs, i, width) == split.classOf(i)) {
                correct++;
            }
        }
        return (double) correct / count;
    }

    /** MAE, RMSE and R² in the target's own units (labels and outputs are standardised). */
    static EpochMetrics regression(double loss, Examples split, float[] outputs, int count, Target target) {
        double[] actual = new double[count];
        double[] predicted = new double[count];
        for (int i = 0; i < count; i++) {
            actual[i] = split.toUnits(target, i, split.labels()[i]);
            predicted[i] = split.toUnits(target, i, outputs[i]);
        }
        RegressionErrors e = RegressionErrors.of(actual, predicted);
        return EpochMetrics.regression(loss, e.mae(), e.rmse(), e.r2());
    }
}
