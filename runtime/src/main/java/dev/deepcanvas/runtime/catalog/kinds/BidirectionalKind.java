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
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;

/** Runs a recurrent cell forwards and backwards in time and merges the two outputs. */
public final class BidirectionalKind extends AbstractKind {

    public BidirectionalKind() {
        super(
                "Bidirectional",
                Group.RECURRENT,
                ParamSpec.choice("cell", "lstm", List.of("lstm", "simple_rnn")),
                ParamSpec.integer("units", 64, 1, 65_536),
                ParamSpec.choice("merge", "concat", List.of("concat", "add", "mul", "average")),
                ParamSpec.choice("activation", "tanh", Activations.NAMES));
    }

    @Override
    public List<String> keyParams() {
        return List.of("cell", "units", "merge");
    }

    private static int gates(Params p) {
        return "lstm".equals(p.choice("cell")) ? 4 : 1;
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Sequence in = Rules.sequence(c.input(), id());
        Params p = c.params();
        int units = p.integer("units");
        int out = "concat".equals(p.choice("merge")) ? 2 * units : units;
        long one = RecurrentKind.parameters(gates(p), in.features(), units);
        return LayerShape.of(new Shape.Sequence(out, in.timeSteps()), 2 * one);
    }

    @Override
    public int timeLoops() {
        return 2; // forwards and backwards
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        Bidirectional.Mode mode = Bidirectional.Mode.valueOf(p.choice("merge").toUpperCase(Locale.ROOT));
        return Dl4jVertex.layer(new Bidirectional(mode, RecurrentKind.cell(gates(p), p)));
    }
}
