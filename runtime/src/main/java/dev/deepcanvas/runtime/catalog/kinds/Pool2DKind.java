package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/** Max or average pooling over square windows of an image. */
public final class Pool2DKind extends AbstractKind {

    private final PoolingType type;

    private Pool2DKind(String id, PoolingType type) {
        super(
                id,
                Group.CONVOLUTION,
                ParamSpec.integer("pool", 2, 1, 1024),
                ParamSpec.integer("stride", 2, 1, 1024),
                ParamSpec.choice("padding", Rules.VALID, List.of(Rules.VALID, Rules.SAME)));
        this.type = type;
    }

    public static Pool2DKind max() {
        return new Pool2DKind("MaxPool2D", PoolingType.MAX);
    }

    public static Pool2DKind average() {
        return new Pool2DKind("AvgPool2D", PoolingType.AVG);
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Image in = Rules.image(c.input(), id());
        Params p = c.params();
        int k = p.integer("pool");
        int s = p.integer("stride");
        String pad = p.choice("padding");
        int h = Rules.windowOutput(in.height(), k, s, 1, pad, "Pool window");
        int w = Rules.windowOutput(in.width(), k, s, 1, pad, "Pool window");
        return LayerShape.free(new Shape.Image(in.channels(), h, w));
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // one comparison or addition per value in each window
        long window = (long) params.integer("pool") * params.integer("pool");
        return window * Shapes.values(output);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        int k = p.integer("pool");
        int s = p.integer("stride");
        return Dl4jVertex.layer(new SubsamplingLayer.Builder(type)
                .kernelSize(k, k)
                .stride(s, s)
                .convolutionMode(Rules.mode(p.choice("padding")))
                .build());
    }
}
