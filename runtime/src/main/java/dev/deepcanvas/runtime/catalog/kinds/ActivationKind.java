package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;

/** Applies a function to every value; no parameters. */
public final class ActivationKind extends AbstractKind {

    public ActivationKind() {
        super("Activation", Group.CORE, ParamSpec.choice("function", "relu", Activations.NAMES));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Rules.notTokens(c.input(), id());
        return LayerShape.free(c.input());
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.layer(new ActivationLayer.Builder()
                .activation(Activations.toDl4j(c.params().choice("function")))
                .build());
    }
}
