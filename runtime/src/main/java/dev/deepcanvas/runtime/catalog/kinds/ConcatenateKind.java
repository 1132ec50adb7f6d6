package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.MergeVertex;

/**
 * Joins its inputs along the feature axis: vector lengths add up, image channels add up (height
 * and width must match), sequence features add up (lengths must match).
 */
public final class ConcatenateKind extends AbstractKind {

    public ConcatenateKind() {
        super("Concatenate", Group.MERGE);
    }

    @Override
    public int minInputs() {
        return 2;
    }

    @Override
    public int maxInputs() {
        return AddKind.MAX_MERGE_INPUTS;
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape first = c.input();
        Rules.notTokens(first, id());
        long total = 0;
        int time = Shape.VARIABLE;
        for (Shape s : c.inputs()) {
            if (s.getClass() != first.getClass()) {
                throw mismatch(first, s, "Concatenate joins inputs of one kind; make both flat (Flatten/GlobalPooling) first.");
            }
            if (s instanceof Shape.Flat f) {
                total += f.features();
            } else if (s instanceof Shape.Image i) {
                Shape.Image a = (Shape.Image) first;
                if (i.height() != a.height() || i.width() != a.width()) {
                    throw mismatch(first, s, "Images must have the same height and width: adjust strides, padding or pooling.");
                }
                total += i.channels();
            } else {
                Shape.Sequence q = (Shape.Sequence) s;
                if (time != Shape.VARIABLE && q.timeSteps() != Shape.VARIABLE && q.timeSteps() != time) {
                    throw mismatch(first, s, "Sequences must have the same number of time steps.");
                }
                time = q.timeSteps() != Shape.VARIABLE ? q.timeSteps() : time;
                total += q.features();
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw new ShapeProblem("Concatenate would give more than 2³¹ features.", "Use fewer or smaller inputs.");
        }
        int n = (int) total;
        if (first instanceof Shape.Flat) {
            return LayerShape.free(new Shape.Flat(n));
        }
        if (first instanceof Shape.Image a) {
            return LayerShape.free(new Shape.Image(n, a.height(), a.width()));
        }
        return LayerShape.free(new Shape.Sequence(n, time));
    }

    private static ShapeProblem mismatch(Shape a, Shape b, String hint) {
        return new ShapeProblem("Concatenate cannot join " + a.display() + " with " + b.display() + ".", hint);
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // a copy: no arithmetic
        return 0;
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.vertex(new MergeVertex());
    }
}
