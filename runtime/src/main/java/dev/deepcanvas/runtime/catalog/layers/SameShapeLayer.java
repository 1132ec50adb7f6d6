package dev.deepcanvas.runtime.catalog.layers;

import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;

/**
 * What DeepCanvas's own SameDiff layers share: the output has the input's shape, no preprocessor
 * is wanted (the shape rules already placed the layer right), and the feature count is read from
 * the input type. DL4J stores the layer as JSON and reads it back through the getters' fields and a
 * no-argument constructor.
 */
abstract class SameShapeLayer extends SameDiffLayer {

    protected long features;

    protected SameShapeLayer() {
        // for DL4J's JSON reader
    }

    protected SameShapeLayer(SameDiffLayer.Builder<?> builder) {
        super(builder);
    }

    public long getFeatures() {
        return features;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }
}
