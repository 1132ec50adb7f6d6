package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.CostFamily;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.catalog.layers.LayerNormalizationLayer;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;

/**
 * Normalises each example (each step of a sequence) over its features, then applies a learned gain
 * and bias per feature: 2·F parameters, as Keras' LayerNormalization. The Transformer's "add &amp;
 * norm" uses it; unlike BatchNorm it does not depend on the batch, so padded steps cannot disturb
 * the statistics of real ones.
 */
public final class LayerNormalizationKind extends AbstractKind {

    public LayerNormalizationKind() {
        super("LayerNormalization", Group.CORE, ParamSpec.decimal("epsilon", 1e-3, 1e-12, 1.0));
    }

    @Override
    public List<String> keyParams() {
        return List.of();
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        long features;
        if (in instanceof Shape.Flat f) {
            features = f.features();
        } else if (in instanceof Shape.Sequence s) {
            features = s.features();
        } else if (in instanceof Shape.Image) {
            throw new ShapeProblem(
                    "LayerNormalization works on vectors and sequences, not on images.",
                    "Use BatchNorm after convolutions, or Flatten the image first.");
        } else {
            throw new ShapeProblem("LayerNormalization cannot take raw token ids.", "Token ids must go through Embedding first.");
        }
        if (features < 2) {
            // One feature minus its own mean is always 0: the layer would output its bias alone.
            throw new ShapeProblem(
                    "LayerNormalization over a single feature always gives 0.",
                    "Give the layer before it at least 2 units, or remove LayerNormalization.");
        }
        return LayerShape.of(in, 2 * features);
    }

    /** A SameDiff layer: its few FLOPs run as many small graph operations. */
    @Override
    public CostFamily costFamily() {
        return CostFamily.GRAPH;
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // per value: the mean, centring, squaring, the variance, dividing, gain and bias
        return 7 * Shapes.values(output);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.layer(LayerNormalizationLayer.withEpsilon(c.params().decimal("epsilon")));
    }
}
