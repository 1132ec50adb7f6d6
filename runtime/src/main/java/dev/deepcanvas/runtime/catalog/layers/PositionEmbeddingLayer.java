package dev.deepcanvas.runtime.catalog.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Learned position embeddings, which DL4J M2.1 lacks: one trainable vector per position, added to
 * the sequence [batch, features, steps] so that attention, which is blind to order, can tell the
 * first word from the tenth. The table is features × steps, so the sequence length must be fixed.
 *
 */
public final class PositionEmbeddingLayer extends SameShapeLayer {

    static final String TABLE = "positions";

    private long steps;

    private PositionEmbeddingLayer() {
        // for DL4J's JSON reader
    }

    private PositionEmbeddingLayer(Builder builder) {
        super(builder);
        this.steps = builder.steps;
    }

    public static PositionEmbeddingLayer forLength(long steps) {
        Builder b = new Builder();
        b.steps = steps;
        return new PositionEmbeddingLayer(b);
    }

    public long getSteps() {
        return steps;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalStateException("PositionEmbedding takes a sequence, not " + inputType);
        }
        // The length comes from the shape rule: DL4J's embedding layer reports a length of 1 whatever the input.
        features = r.getSize();
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(TABLE, 1, features, steps);
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // Glorot-uniform over the steps × features table, as Keras-NLP initialises its PositionEmbedding.
        INDArray table = params.get(TABLE);
        WeightInit.XAVIER_UNIFORM.getWeightInitFunction().init(steps, features, table.shape(), 'c', table);
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params, SDVariable mask) {
        return input.add(params.get(TABLE));
    }

    /** DL4J's builder chain; only used to reach the base class's constructor. */
    private static final class Builder extends SameDiffLayer.Builder<Builder> {
        private long steps;

        @Override
        @SuppressWarnings("unchecked")
        public PositionEmbeddingLayer build() {
            return new PositionEmbeddingLayer(this);
        }
    }
}
