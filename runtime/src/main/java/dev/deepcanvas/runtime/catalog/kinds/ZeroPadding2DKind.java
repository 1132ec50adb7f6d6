package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;

/**
 * Keras' ZeroPadding2D: rows and columns of zeros around an image, e.g. before ResNet's 7×7
 * convolution; no parameters.
 */
public final class ZeroPadding2DKind extends AbstractKind {

    public ZeroPadding2DKind() {
        super("ZeroPadding2D", Group.CONVOLUTION,
                ParamSpec.integer("top", 1, 0, 1024),
                ParamSpec.integer("bottom", 1, 0, 1024),
                ParamSpec.integer("left", 1, 0, 1024),
                ParamSpec.integer("right", 1, 0, 1024));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        if (in instanceof Shape.Image i) {
            Params p = c.params();
            return LayerShape.free(new Shape.Image(i.channels(), i.height() + p.integer("top") + p.integer("bottom"),
                    i.width() + p.integer("left") + p.integer("right")));
        }
        Rules.notTokens(in, id());
        throw new ShapeProblem("ZeroPadding2D pads images, not " + in.display() + ".", "Put it before a Conv2D or a pooling layer.");
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        return 0; // a copy
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        return Dl4jVertex.layer(new ZeroPaddingLayer.Builder(p.integer("top"), p.integer("bottom"), p.integer("left"), p.integer("right")).build());
    }
}
