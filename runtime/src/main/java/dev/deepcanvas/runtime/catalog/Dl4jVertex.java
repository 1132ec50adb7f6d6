package dev.deepcanvas.runtime.catalog;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/** What a compile rule produces: a DL4J layer, a DL4J vertex, or a network input of a type. */
public record Dl4jVertex(Layer layer, GraphVertex vertex, InputType inputType) {

    public static Dl4jVertex layer(Layer layer) {
        return new Dl4jVertex(layer, null, null);
    }

    public static Dl4jVertex vertex(GraphVertex vertex) {
        return new Dl4jVertex(null, vertex, null);
    }

    public static Dl4jVertex input(InputType type) {
        return new Dl4jVertex(null, null, type);
    }
}
