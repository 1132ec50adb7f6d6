package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;

/** Adds its inputs value by value (residual / skip connections); all must have the same shape. */
public final class AddKind extends AbstractKind {

    static final int MAX_MERGE_INPUTS = 16;

    public AddKind() {
        super("Add", Group.MERGE);
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public int maxInputs() {
        return MAX_MERGE_INPUTS;
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape first = c.input();
        Rules.notTokens(first, id());
        for (Shape other : c.inputs()) {
            if (!other.equals(first)) {
                throw new ShapeProblem(
                        "Add needs inputs of one shape, but gets " + first.display() + " and " + other.display() + ".",
                        "Give both branches the same size (e.g. the same units or filters), or use Concatenate.");
            }
        }
        return LayerShape.free(first);
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // one addition per value and extra input
        return (inputs.size() - 1) * Shapes.values(output);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.vertex(new ElementWiseVertex(ElementWiseVertex.Op.Add));
    }
}
