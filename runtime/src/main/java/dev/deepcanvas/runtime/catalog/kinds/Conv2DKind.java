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
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

/** 2-D convolution with a square kernel: filters slide over the image. */
public final class Conv2DKind extends AbstractKind {

    public Conv2DKind() {
        super("Conv2D", Group.CONVOLUTION, Rules.convolutionParams());
    }

    @Override
    public List<String> keyParams() {
        return List.of("filters", "kernel", "stride", "activation");
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Image in = Rules.image(c.input(), id());
        Params p = c.params();
        int k = p.integer("kernel");
        int s = p.integer("stride");
        int d = p.integer("dilation");
        String pad = p.choice("padding");
        int h = Rules.windowOutput(in.height(), k, s, d, pad, "Kernel");
        int w = Rules.windowOutput(in.width(), k, s, d, pad, "Kernel");
        long filters = p.integer("filters");
        long weights = (long) k * k * in.channels() * filters;
        return LayerShape.of(new Shape.Image((int) filters, h, w), weights + (p.bool("useBias") ? filters : 0));
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        int k = p.integer("kernel");
        int s = p.integer("stride");
        int d = p.integer("dilation");
        return Dl4jVertex.layer(new ConvolutionLayer.Builder(k, k)
                .stride(s, s)
                .dilation(d, d)
                .nOut(p.integer("filters"))
                .convolutionMode(Rules.mode(p.choice("padding")))
                .activation(Activations.toDl4j(p.choice("activation")))
                .hasBias(p.bool("useBias"))
                .build());
    }
}
