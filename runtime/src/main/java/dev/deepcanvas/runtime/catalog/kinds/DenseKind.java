package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;

/**
 * Fully connected layer: every input feeds every unit. On a sequence it is applied to each step with
 * the same weights, as Keras' Dense on a 3-D input (the Transformer's feed-forward part).
 */
public final class DenseKind extends AbstractKind {

    public DenseKind() {
        super(
                "Dense",
                Group.CORE,
                ParamSpec.integer("units", 64, 1, Inputs.MAX_SIZE),
                ParamSpec.choice("activation", "relu", Activations.NAMES),
                ParamSpec.bool("useBias", true));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Params p = c.params();
        int units = p.integer("units");
        long bias = p.bool("useBias") ? units : 0;
        if (c.input() instanceof Shape.Sequence s) {
            return LayerShape.of(new Shape.Sequence(units, s.timeSteps()), (long) s.features() * units + bias);
        }
        Shape.Flat in = Rules.flat(c.input(), id());
        return LayerShape.of(new Shape.Flat(units), (long) in.features() * units + bias);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        DenseLayer dense = new DenseLayer.Builder()
                .nOut(p.integer("units"))
                .activation(Activations.toDl4j(p.choice("activation")))
                .hasBias(p.bool("useBias"))
                .build();
        return Dl4jVertex.layer(c.inputShape() instanceof Shape.Sequence ? new TimeDistributed(dense, RNNFormat.NCW) : dense);
    }
}
