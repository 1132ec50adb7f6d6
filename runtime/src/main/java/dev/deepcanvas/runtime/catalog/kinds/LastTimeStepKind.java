package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;

/** Keeps only the last time step of a sequence: what Keras' LSTM(return_sequences=False) gives. */
public final class LastTimeStepKind extends AbstractKind {

    public LastTimeStepKind() {
        super("LastTimeStep", Group.RECURRENT);
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        return LayerShape.free(new Shape.Flat(Rules.sequence(c.input(), id()).features()));
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // picks a step: no arithmetic
        return 0;
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        // DL4J reads the mask of this network input to find each sequence's true last step.
        return Dl4jVertex.vertex(new LastTimeStepVertex(c.feedingInput()));
    }
}
