package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** The four network inputs: feature vector, image, sequence of vectors, sequence of token ids. */
public final class Inputs {

    static final int MAX_SIZE = 1_000_000;
    static final int MAX_PIXELS = 8192;
    static final int MAX_TIME = 100_000;

    private Inputs() {}

    public static final LayerKind VECTOR = new InputKind(
            "VectorInput", List.of(ParamSpec.integer("features", 20, 1, MAX_SIZE)), p -> new Shape.Flat(p.integer("features")));

    public static final LayerKind IMAGE = new InputKind(
            "ImageInput",
            List.of(
                    ParamSpec.integer("height", 28, 1, MAX_PIXELS),
                    ParamSpec.integer("width", 28, 1, MAX_PIXELS),
                    ParamSpec.integer("channels", 1, 1, 4096)),
            p -> new Shape.Image(p.integer("channels"), p.integer("height"), p.integer("width")));

    public static final LayerKind SEQUENCE = new InputKind(
            "SequenceInput",
            List.of(ParamSpec.integer("features", 8, 1, MAX_SIZE), ParamSpec.integer("timeSteps", 0, 0, MAX_TIME)),
            p -> new Shape.Sequence(p.integer("features"), time(p)));

    public static final LayerKind TOKENS = new InputKind(
            "TokenInput", List.of(ParamSpec.integer("timeSteps", 0, 0, MAX_TIME)), p -> new Shape.Tokens(time(p)));

    /** 0 in a file means "any length". */
    private static int time(Params p) {
        int t = p.integer("timeSteps");
        return t == 0 ? Shape.VARIABLE : t;
    }

    private record InputKind(String id, List<ParamSpec> params, Function<Params, Shape> shape) implements LayerKind {

        @Override
        public Group group() {
            return Group.INPUTS;
        }

        @Override
        public int minInputs() {
            return 0;
        }

        @Override
        public int maxInputs() {
            return 0;
        }

        @Override
        public List<String> keyParams() {
            return List.of();
        }

        @Override
        public LayerShape infer(ShapeContext context) {
            return LayerShape.free(shape.apply(context.params()));
        }

        @Override
        public Dl4jVertex compile(CompileContext c) {
            Shape s = c.outputShape();
            if (s instanceof Shape.Flat f) {
                return Dl4jVertex.input(InputType.feedForward(f.features()));
            }
            if (s instanceof Shape.Image i) {
                return Dl4jVertex.input(InputType.convolutional(i.height(), i.width(), i.channels()));
            }
            if (s instanceof Shape.Sequence q) {
                return Dl4jVertex.input(q.timeSteps() == Shape.VARIABLE
                        ? InputType.recurrent(q.features())
                        : InputType.recurrent(q.features(), q.timeSteps()));
            }
            Shape.Tokens t = (Shape.Tokens) s;
            return Dl4jVertex.input(t.timeSteps() == Shape.VARIABLE
                    ? InputType.recurrent(1)
                    : InputType.recurrent(1, t.timeSteps()));
        }
    }
}
