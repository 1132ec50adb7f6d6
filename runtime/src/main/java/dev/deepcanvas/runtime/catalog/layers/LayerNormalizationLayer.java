package dev.deepcanvas.runtime.catalog.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation (Ba et al. 2016), which DL4J M2.1 lacks as a layer: each example (each step of
 * a sequence) is shifted and scaled to mean 0 and variance 1 over its features, then multiplied by a
 * learned gain and shifted by a learned bias, one of each per feature. Works on vectors
 * [batch, features] and on sequences [batch, features, steps] (DL4J's NCW layout).
 *
 */
public final class LayerNormalizationLayer extends SameShapeLayer {

    static final String GAIN = "gain";
    static final String BIAS = "bias";

    private double epsilon;

    private LayerNormalizationLayer() {
        // for DL4J's JSON reader
    }

    private LayerNormalizationLayer(Builder builder) {
        super(builder);
        this.epsilon = builder.epsilon;
    }

    public static LayerNormalizationLayer withEpsilon(double epsilon) {
        Builder b = new Builder();
        b.epsilon = epsilon;
        return new LayerNormalizationLayer(b);
    }

    public double getEpsilon() {
        return epsilon;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            features = r.getSize();
        } else if (inputType instanceof InputType.InputTypeFeedForward f) {
            features = f.getSize();
        } else {
            throw new IllegalStateException("LayerNormalization takes vectors or sequences, not " + inputType);
        }
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        // Registered as biases: weight decay must not pull the gain towards 0.
        params.addBiasParam(GAIN, 1, features);
        params.addBiasParam(BIAS, 1, features);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1.0);
        params.get(BIAS).assign(0.0);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable centred = input.sub(input.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normalised = centred.div(sd.math.sqrt(variance.add(epsilon)));
        SDVariable gain = params.get(GAIN);
        SDVariable bias = params.get(BIAS);
        // The rank of the actual input decides: [batch, features] or [batch, features, steps].
        if (input.getShape().length == 3) {
            gain = gain.reshape(1, features, 1);
            bias = bias.reshape(1, features, 1);
        }
        return normalised.mul(gain).add(bias);
    }

    /** DL4J's builder chain; only used to reach the base class's constructor. */
    private static final class Builder extends SameDiffLayer.Builder<Builder> {
        private double epsilon;

        @Override
        @SuppressWarnings("unchecked")
        public LayerNormalizationLayer build() {
            return new LayerNormalizationLayer(this);
        }
    }
}
