package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import org.deeplearning4j.nn.conf.layers.DenseLayer;

/** Fully connected layer: every input feeds every unit. */
public final class DenseKind extends AbstractKind {

    public DenseKind() {
        super(
                "Dense",
                Group.CORE,
                ParamSpec.integer("units", 64, 1, Inputs.MAX_SIZE),
                ParamSpec.choice("activation", "relu", Activations.NAMES),
                ParamSpec.bool("useBias", true));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Flat in = Rules.flat(c.input(), id());
        Params p = c.params();
        long units = p.integer("units");
        return LayerShape.of(new Shape.Flat((int) units), in.features() * units + (p.bool("useBias") ? units : 0));
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        return Dl4jVertex.layer(new DenseLayer.Builder()
                .nOut(p.integer("units"))
                .activation(Activations.toDl4j(p.choice("activation")))
                .hasBias(p.bool("useBias"))
                .build());
    }
}
