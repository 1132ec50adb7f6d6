package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.Preset;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A network output: a dense layer with the activation and loss that fit the task. On a flat input
 * it predicts once per example; on a sequence, once per time step (sequence labelling).
 */
public final class OutputKind extends AbstractKind {

    static final String CROSS_ENTROPY = "cross_entropy";
    static final String BINARY_CROSS_ENTROPY = "binary_cross_entropy";
    static final String MSE = "mse";
    static final String MAE = "mae";

    public OutputKind() {
        super(
                "Output",
                Group.OUTPUTS,
                ParamSpec.integer("units", 10, 1, Inputs.MAX_SIZE),
                ParamSpec.choice("activation", "softmax", Activations.NAMES),
                ParamSpec.choice("loss", CROSS_ENTROPY, List.of(CROSS_ENTROPY, BINARY_CROSS_ENTROPY, MSE, MAE)));
    }

    @Override
    public boolean isNetworkOutput() {
        return true;
    }

    @Override
    public List<String> keyParams() {
        return List.of("units", "activation", "loss");
    }

    @Override
    public List<Preset> presets() {
        return List.of(
                new Preset("classes", Map.of("activation", "softmax", "loss", CROSS_ENTROPY, "units", 10L)),
                new Preset("yesNo", Map.of("activation", "sigmoid", "loss", BINARY_CROSS_ENTROPY, "units", 1L)),
                new Preset("quantity", Map.of("activation", "identity", "loss", MSE, "units", 1L)));
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Params p = c.params();
        checkHead(c, p.integer("units"), p.choice("activation"), p.choice("loss"));
        Shape in = c.input();
        int units = p.integer("units");
        long count;
        Shape out;
        if (in instanceof Shape.Sequence s) {
            count = (long) s.features() * units + units;
            out = new Shape.Sequence(units, s.timeSteps());
        } else {
            count = (long) Rules.flat(in, id()).features() * units + units;
            out = new Shape.Flat(units);
        }
        return LayerShape.of(out, count);
    }

    private static void checkHead(ShapeContext c, int units, String activation, String loss) throws ShapeProblem {
        boolean regression = MSE.equals(loss) || MAE.equals(loss);
        if ("softmax".equals(activation) && regression) {
            throw new ShapeProblem(
                    "A softmax head with a regression loss (" + loss + ") squeezes predictions into probabilities that sum to 1.",
                    "To predict a quantity use activation identity; to predict classes use loss cross_entropy.");
        }
        if (!regression && !"softmax".equals(activation) && !"sigmoid".equals(activation)) {
            throw new ShapeProblem(
                    "Cross-entropy needs probabilities, but " + activation + " can give values outside 0..1.",
                    "Use softmax for one of several classes, or sigmoid for yes/no.");
        }
        if ("softmax".equals(activation) && units == 1) {
            throw new ShapeProblem(
                    "Softmax over a single unit always outputs 1, so nothing can be learned.",
                    "For yes/no use sigmoid with binary_cross_entropy; for classes set units to the number of classes.");
        }
        if ("softmax".equals(activation) && BINARY_CROSS_ENTROPY.equals(loss)) {
            c.warn("Binary cross-entropy scores each unit as its own yes/no; with softmax, cross_entropy is the usual loss.");
        }
        if ("sigmoid".equals(activation) && CROSS_ENTROPY.equals(loss)) {
            c.warn("With sigmoid units (yes/no per unit), binary_cross_entropy is the usual loss.");
        }
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        LossFunction loss = switch (p.choice("loss")) {
            case CROSS_ENTROPY -> LossFunction.MCXENT;
            case BINARY_CROSS_ENTROPY -> LossFunction.XENT;
            case MSE -> LossFunction.MSE;
            case MAE -> LossFunction.MEAN_ABSOLUTE_ERROR;
            default -> throw new IllegalStateException("unvalidated loss " + p.choice("loss"));
        };
        var activation = Activations.toDl4j(p.choice("activation"));
        if (c.inputShape() instanceof Shape.Sequence) {
            return Dl4jVertex.layer(new RnnOutputLayer.Builder(loss).nOut(p.integer("units")).activation(activation).build());
        }
        return Dl4jVertex.layer(new OutputLayer.Builder(loss).nOut(p.integer("units")).activation(activation).build());
    }
}
