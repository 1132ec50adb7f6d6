package dev.deepcanvas.runtime.catalog.layers;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/**
 * DL4J's global pooling over the steps of a sequence, reporting what it returns. DL4J M2.1
 * collapses the time axis (the output is [batch, features]) but reports a sequence type, so a merge
 * of the pooled vector with a layer computed from it ("Add" of a residual branch) is refused as
 * mixing types. This one reports a vector.
 */
public final class SequencePoolingLayer extends GlobalPoolingLayer {

    private SequencePoolingLayer() {
        // for DL4J's JSON reader
    }

    public SequencePoolingLayer(PoolingType type) {
        super(type);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            return InputType.feedForward(r.getSize());
        }
        return super.getOutputType(layerIndex, inputType);
    }
}
