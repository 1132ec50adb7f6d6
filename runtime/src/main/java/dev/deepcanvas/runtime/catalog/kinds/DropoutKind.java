package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;

/**
 * Randomly zeroes a fraction of values while training. {@code rate} is the probability of
 * <em>dropping</em> a value, as in Keras and in class; DL4J wants the probability of keeping it.
 */
public final class DropoutKind extends AbstractKind {

    public DropoutKind() {
        super("Dropout", Group.CORE, ParamSpec.decimal("rate", 0.5, 0.0, 0.99));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Rules.notTokens(c.input(), id());
        return LayerShape.free(c.input());
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        double keep = 1.0 - c.params().decimal("rate");
        DropoutLayer dropout = new DropoutLayer.Builder(keep).build();
        // DL4J M2.1's DropoutLayer multiplies a sequence [batch, features, steps] by its mask [batch, steps]
        // as if it were a column and fails; applied step by step, the mask is a column.
        return Dl4jVertex.layer(c.inputShape() instanceof Shape.Sequence ? new TimeDistributed(dropout, RNNFormat.NCW) : dropout);
    }
}
