package dev.deepcanvas.runtime.shape;

/** Counts over shapes that the cost rules share; a variable time length counts as one step. */
public final class Shapes {

    private Shapes() {}

    /** Where a layer's weights are applied: time steps of a sequence, pixels of an image, 1 for a vector. */
    public static long positions(Shape s) {
        if (s instanceof Shape.Sequence q) {
            return steps(q.timeSteps());
        }
        if (s instanceof Shape.Tokens t) {
            return steps(t.timeSteps());
        }
        if (s instanceof Shape.Image i) {
            return (long) i.height() * i.width();
        }
        return 1;
    }

    /** Values per example. */
    public static long values(Shape s) {
        if (s instanceof Shape.Sequence q) {
            return (long) q.features() * steps(q.timeSteps());
        }
        if (s instanceof Shape.Tokens t) {
            return steps(t.timeSteps());
        }
        return s.size();
    }

    /** True when a sequence along the way has no fixed length, so counts are per time step. */
    public static boolean variable(Shape s) {
        return s instanceof Shape.Sequence q && q.timeSteps() == Shape.VARIABLE || s instanceof Shape.Tokens t && t.timeSteps() == Shape.VARIABLE;
    }

    private static long steps(int timeSteps) {
        return timeSteps == Shape.VARIABLE ? 1 : timeSteps;
    }
}
