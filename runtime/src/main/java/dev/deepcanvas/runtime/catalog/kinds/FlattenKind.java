package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

/** Lays an image's values out as one flat vector (channels first, as DL4J stores them). */
public final class FlattenKind extends AbstractKind {

    public FlattenKind() {
        super("Flatten", Group.CORE);
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        if (in instanceof Shape.Flat) {
            throw new ShapeProblem("Flatten gets a vector that is already flat.", "Delete this Flatten.");
        }
        if (!(in instanceof Shape.Image i)) {
            throw new ShapeProblem(
                    "Flatten works on images; it gets " + in.family() + " " + in.display() + ".",
                    "For sequences use LastTimeStep (the final step) or GlobalPooling (pools over time).");
        }
        if (i.size() > Integer.MAX_VALUE) {
            throw new ShapeProblem("Flattening " + i.display() + " gives more values than fit in one vector.",
                    "Downsample first with pooling or strided convolutions.");
        }
        return LayerShape.free(new Shape.Flat((int) i.size()));
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // a copy: no arithmetic
        return 0;
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Shape.Image i = (Shape.Image) c.inputShape();
        return Dl4jVertex.vertex(new PreprocessorVertex(new CnnToFeedForwardPreProcessor(i.height(), i.width(), i.channels())));
    }
}
