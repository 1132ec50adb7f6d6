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
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;

/**
 * A recurrent layer that returns its output at every time step: SimpleRNN (one gate) or LSTM
 * (four gates). Each gate has input weights, recurrent weights and a bias, so the count is
 * gates·(F·u + u·u + u), as in Keras and DL4J.
 */
public final class RecurrentKind extends AbstractKind {

    private final int gates;

    private RecurrentKind(String id, int gates) {
        super(id, Group.RECURRENT, ParamSpec.integer("units", 64, 1, 65_536), ParamSpec.choice("activation", "tanh", Activations.NAMES));
        this.gates = gates;
    }

    public static RecurrentKind simpleRnn() {
        return new RecurrentKind("SimpleRNN", 1);
    }

    public static RecurrentKind lstm() {
        return new RecurrentKind("LSTM", 4);
    }

    static long parameters(int gates, long features, long units) {
        return gates * (features * units + units * units + units);
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Sequence in = Rules.sequence(c.input(), id());
        int units = c.params().integer("units");
        return LayerShape.of(new Shape.Sequence(units, in.timeSteps()), parameters(gates, in.features(), units));
    }

    @Override
    public int timeLoops() {
        return 1;
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.layer(cell(gates, c.params()));
    }

    static Layer cell(int gates, Params p) {
        var activation = Activations.toDl4j(p.choice("activation"));
        if (gates == 4) {
            return new LSTM.Builder().nOut(p.integer("units")).activation(activation).build();
        }
        return new SimpleRnn.Builder().nOut(p.integer("units")).activation(activation).build();
    }
}
