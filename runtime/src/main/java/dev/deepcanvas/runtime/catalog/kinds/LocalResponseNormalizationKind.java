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
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;

/**
 * AlexNet's normalisation across neighbouring channels: each value is divided by
 * {@code (k + alpha · sum of the squares of the n channels around it)^beta}. No parameters;
 * the defaults are AlexNet's (and DL4J's).
 */
public final class LocalResponseNormalizationKind extends AbstractKind {

    public LocalResponseNormalizationKind() {
        super("LocalResponseNormalization", Group.CONVOLUTION,
                ParamSpec.integer("depth", 5, 1, 1024),
                ParamSpec.decimal("k", 2.0, 0.001, 1000.0),
                ParamSpec.decimal("alpha", 1e-4, 0.0, 10.0),
                ParamSpec.decimal("beta", 0.75, 0.0, 10.0));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        if (in instanceof Shape.Image i) {
            int depth = c.params().integer("depth");
            // DL4J sums depth / 2 neighbours on each side and fails on an empty neighbourhood
            if (depth / 2 >= i.channels()) {
                int most = 2 * i.channels() - 1;
                throw new ShapeProblem("A depth of " + depth + " reaches past the " + i.channels() + " channel" + (i.channels() == 1 ? "" : "s") + " of its input.",
                        "Use a depth of at most " + most + ", or put this layer after a convolution with more filters.");
            }
            return LayerShape.free(in);
        }
        Rules.notTokens(in, id());
        throw new ShapeProblem("LocalResponseNormalization works across the channels of an image, not on " + in.display() + ".",
                "Use LayerNormalization for vectors and sequences, or move this layer after a convolution.");
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // per value: the squares of its neighbours summed, then a scale, a power and a division
        return Shapes.values(output) * (2 * params.integer("depth") + 4);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        return Dl4jVertex.layer(new LocalResponseNormalization.Builder()
                .n(p.integer("depth"))
                .k(p.decimal("k"))
                .alpha(p.decimal("alpha"))
                .beta(p.decimal("beta"))
                .build());
    }
}
