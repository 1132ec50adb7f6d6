package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.catalog.layers.SequencePoolingLayer;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;

/** Pools an image over height and width (one value per channel) or a sequence over time. */
public final class GlobalPoolingKind extends AbstractKind {

    public GlobalPoolingKind() {
        super("GlobalPooling", Group.CONVOLUTION, ParamSpec.choice("type", "avg", List.of("avg", "max")));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        if (in instanceof Shape.Image i) {
            return LayerShape.free(new Shape.Flat(i.channels()));
        }
        if (in instanceof Shape.Sequence s) {
            return LayerShape.free(new Shape.Flat(s.features()));
        }
        Rules.notTokens(in, id());
        throw new ShapeProblem("GlobalPooling gets a vector that is already flat.", "Delete this GlobalPooling.");
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // one comparison or addition per input value
        return Shapes.values(inputs.get(0));
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        PoolingType type = "max".equals(c.params().choice("type")) ? PoolingType.MAX : PoolingType.AVG;
        if (c.inputShape() instanceof Shape.Sequence) {
            return Dl4jVertex.layer(new SequencePoolingLayer(type));
        }
        return Dl4jVertex.layer(new GlobalPoolingLayer.Builder(type).build());
    }
}
