package dev.deepcanvas.runtime.train;

import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The network's loss computed from outputs already at hand, with DL4J's own formulas (per
 * example: cross-entropy summed over classes, MSE and MAE averaged over outputs; then the mean over
 * examples, plus the L2 term), so that scoring a split needs one forward pass instead of two.
 */
final class OutputLoss {

    private enum Kind { CROSS_ENTROPY, BINARY_CROSS_ENTROPY, MSE, MAE }

    private final Kind kind;
    private final double clip;
    private final double regularization;

    private OutputLoss(Kind kind, double clip, double regularization) {
        this.kind = kind;
        this.clip = clip;
        this.regularization = regularization;
    }

    static OutputLoss of(ComputationGraph graph) {
        String output = graph.getConfiguration().getNetworkOutputs().get(0);
        var layer = ((LayerVertex) graph.getConfiguration().getVertices().get(output)).getLayerConf().getLayer();
        ILossFunction fn = ((BaseOutputLayer) layer).getLossFn();
        double regularization = graph.calcRegularizationScore(true);
        if (fn instanceof LossMCXENT m) {
            return new OutputLoss(Kind.CROSS_ENTROPY, m.getSoftmaxClipEps(), regularization);
        }
        if (fn instanceof LossBinaryXENT b) {
            return new OutputLoss(Kind.BINARY_CROSS_ENTROPY, b.getClipEps(), regularization);
        }
        if (fn instanceof LossMAE) {
            return new OutputLoss(Kind.MAE, 0, regularization);
        }
        if (fn instanceof LossMSE) {
            return new OutputLoss(Kind.MSE, 0, regularization);
        }
        throw new IllegalStateException("no formula for the loss " + fn);
    }

    /** Mean loss over {@code count} examples of {@code width} outputs and labels each. */
    double mean(float[] outputs, float[] labels, int count, int width) {
        double sum = 0;
        for (int i = 0; i < count * width; i++) {
            double y = labels[i];
            double p = outputs[i];
            sum += switch (kind) {
                case CROSS_ENTROPY -> y == 0 ? 0 : -y * Math.log(clamp(p));
                case BINARY_CROSS_ENTROPY -> -(y * Math.log(clamp(p)) + (1 - y) * Math.log(clamp(1 - p)));
                case MSE -> (y - p) * (y - p) / width;
                case MAE -> Math.abs(y - p) / width;
            };
        }
        return sum / count + regularization;
    }

    private double clamp(double p) {
        return Math.min(Math.max(p, clip), 1 - clip);
    }
}
