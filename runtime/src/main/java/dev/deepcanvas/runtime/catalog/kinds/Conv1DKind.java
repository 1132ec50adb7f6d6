package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;

/** 1-D convolution along the time axis of a sequence. */
public final class Conv1DKind extends AbstractKind {

    public Conv1DKind() {
        super("Conv1D", Group.CONVOLUTION, Rules.convolutionParams());
    }

    @Override
    public List<String> keyParams() {
        return List.of("filters", "kernel", "stride", "activation");
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Sequence in = Rules.sequence(c.input(), id());
        Params p = c.params();
        int k = p.integer("kernel");
        int t = Rules.windowOutput(in.timeSteps(), k, p.integer("stride"), p.integer("dilation"), p.choice("padding"), "Kernel");
        long filters = p.integer("filters");
        long weights = (long) k * in.features() * filters;
        return LayerShape.of(new Shape.Sequence((int) filters, t), weights + (p.bool("useBias") ? filters : 0));
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        return Dl4jVertex.layer(new Convolution1DLayer.Builder()
                .kernelSize(p.integer("kernel"))
                .stride(p.integer("stride"))
                .dilation(p.integer("dilation"))
                .nOut(p.integer("filters"))
                .convolutionMode(Rules.mode(p.choice("padding")))
                .activation(Activations.toDl4j(p.choice("activation")))
                .hasBias(p.bool("useBias"))
                .build());
    }
}
