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
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/** Looks up a learned vector for each token id: vocabulary × dimension weights, no bias (as Keras). */
public final class EmbeddingKind extends AbstractKind {

    public EmbeddingKind() {
        super(
                "Embedding",
                Group.RECURRENT,
                ParamSpec.integer("vocabulary", 1000, 1, 10_000_000),
                ParamSpec.integer("dimension", 64, 1, 65_536));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        if (!(c.input() instanceof Shape.Tokens t)) {
            throw new ShapeProblem(
                    "Embedding needs token ids, but gets " + c.input().family() + " " + c.input().display() + ".",
                    "Feed it from a token Input; numeric sequences go straight into a recurrent layer.");
        }
        Params p = c.params();
        long vocabulary = p.integer("vocabulary");
        int dimension = p.integer("dimension");
        return LayerShape.of(new Shape.Sequence(dimension, t.timeSteps()), vocabulary * dimension);
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // a table lookup: no arithmetic
        return 0;
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        return Dl4jVertex.layer(new EmbeddingSequenceLayer.Builder()
                .nIn(p.integer("vocabulary"))
                .nOut(p.integer("dimension"))
                .hasBias(false)
                .build());
    }

    /**
     * DL4J M2.1 overwrites an embedding's nIn with the input's feature count (1) when input types
     * are set, which would shrink the table to one row; put the vocabulary size back.
     */
    @Override
    public void afterBuild(Layer built, Params params) {
        ((EmbeddingSequenceLayer) built).setNIn(params.integer("vocabulary"));
    }
}
