package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.catalog.layers.PositionEmbeddingLayer;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;

/**
 * Adds a learned vector for each position to a sequence, so attention can use word order: steps ×
 * features parameters, as Keras-NLP's PositionEmbedding. The sequence length comes from the input,
 * which therefore must be fixed.
 */
public final class PositionEmbeddingKind extends AbstractKind {

    public PositionEmbeddingKind() {
        super("PositionEmbedding", Group.ATTENTION);
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Sequence in = Rules.sequence(c.input(), id());
        if (in.timeSteps() == Shape.VARIABLE) {
            throw new ShapeProblem(
                    "PositionEmbedding needs a fixed sequence length, but the length here is variable.",
                    "Set timeSteps on the Input (the maximum length of a text), so each position has its own vector.");
        }
        return LayerShape.of(in, (long) in.features() * in.timeSteps());
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // one addition per value
        return Shapes.values(output);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.layer(PositionEmbeddingLayer.forLength(((Shape.Sequence) c.inputShape()).timeSteps()));
    }
}
