package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ConvolutionMode;

/** Checks and formulas that several shape rules share. */
final class Rules {

    static final String VALID = "valid";
    static final String SAME = "same";

    private Rules() {}

    /** The input as a flat vector, or a problem naming the layer to insert. */
    static Shape.Flat flat(Shape in, String kind) throws ShapeProblem {
        if (in instanceof Shape.Flat f) {
            return f;
        }
        throw new ShapeProblem(
                kind + " needs a flat vector, but gets " + in.family() + " " + in.display() + ".", flatteningHint(in, kind));
    }

    static String flatteningHint(Shape in, String kind) {
        if (in instanceof Shape.Image) {
            return "Insert Flatten (keeps every value) or GlobalPooling (one value per channel) before " + kind + ".";
        }
        if (in instanceof Shape.Tokens) {
            return "Token ids must go through Embedding first.";
        }
        return "Insert LastTimeStep (keeps the final step) or GlobalPooling (pools over time) before " + kind + ".";
    }

    static Shape.Image image(Shape in, String kind) throws ShapeProblem {
        if (in instanceof Shape.Image i) {
            return i;
        }
        throw new ShapeProblem(
                kind + " needs an image (height×width×channels), but gets " + in.family() + " " + in.display() + ".",
                "Feed it from an image Input or another convolution or pooling layer.");
    }

    static Shape.Sequence sequence(Shape in, String kind) throws ShapeProblem {
        if (in instanceof Shape.Sequence s) {
            return s;
        }
        String hint = in instanceof Shape.Tokens
                ? "Token ids must go through Embedding first."
                : "Feed it from a sequence Input, Embedding, or another recurrent layer.";
        throw new ShapeProblem(kind + " needs a sequence of vectors, but gets " + in.family() + " " + in.display() + ".", hint);
    }

    /** Rejects token ids, which only Embedding understands. */
    static void notTokens(Shape in, String kind) throws ShapeProblem {
        if (in instanceof Shape.Tokens) {
            throw new ShapeProblem(kind + " cannot take raw token ids.", "Token ids must go through Embedding first.");
        }
    }

    /**
     * Output length of a convolution or pooling window along one axis, as DL4J computes it:
     * "same" gives ceil(n / stride), "valid" floor((n - effective kernel) / stride) + 1.
     */
    static int windowOutput(int in, int kernel, int stride, int dilation, String padding, String what)
            throws ShapeProblem {
        if (in == Shape.VARIABLE) {
            return Shape.VARIABLE;
        }
        int effective = dilation * (kernel - 1) + 1;
        if (SAME.equals(padding)) {
            int out = (in + stride - 1) / stride;
            // DL4J pads (total / 2) before the input and refuses a negative amount: a stride longer
            // than the window reaches skips input that no padding can cover
            if (((out - 1) * stride + effective - in) / 2 < 0) {
                throw new ShapeProblem(
                        "With padding 'same', a stride of " + stride + " jumps past input the " + what.toLowerCase(Locale.ROOT) + " never covers (it spans "
                                + effective + " of " + in + " values).",
                        "Use a stride of at most " + effective + ", a larger " + what.toLowerCase(Locale.ROOT) + ", or padding 'valid'.");
            }
            return out;
        }
        if (effective > in) {
            String size = dilation == 1 ? "" + kernel : kernel + " (dilated to " + effective + ")";
            throw new ShapeProblem(
                    what + " " + size + " is larger than its input (" + in + ").",
                    "Use padding 'same', a smaller " + what.toLowerCase(Locale.ROOT) + ", or fewer downsampling layers before it.");
        }
        return (in - effective) / stride + 1;
    }

    /** The parameters Conv1D and Conv2D share, in inspector order. */
    static ParamSpec[] convolutionParams() {
        return new ParamSpec[] {
            ParamSpec.integer("filters", 32, 1, 65_536),
            ParamSpec.integer("kernel", 3, 1, 1024),
            ParamSpec.integer("stride", 1, 1, 1024),
            ParamSpec.choice("padding", VALID, List.of(VALID, SAME)),
            ParamSpec.integer("dilation", 1, 1, 1024),
            ParamSpec.choice("activation", "relu", Activations.NAMES),
            ParamSpec.bool("useBias", true)
        };
    }

    static ConvolutionMode mode(String padding) {
        return SAME.equals(padding) ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }
}
