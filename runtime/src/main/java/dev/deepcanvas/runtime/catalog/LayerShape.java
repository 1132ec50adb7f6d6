package dev.deepcanvas.runtime.catalog;

import dev.deepcanvas.runtime.shape.Shape;

/**
 * What a shape rule computes for one node.
 *
 * @param parameters all parameters DL4J stores for the layer
 * @param trainable those the optimiser updates (BatchNorm's running mean and variance are not)
 */
public record LayerShape(Shape output, long parameters, long trainable) {

    public static LayerShape of(Shape output, long parameters) {
        return new LayerShape(output, parameters, parameters);
    }

    public static LayerShape free(Shape output) {
        return new LayerShape(output, 0, 0);
    }
}
