package dev.deepcanvas.runtime.shape;

/**
 * The shape of the tensor on one edge, per example (the batch dimension is implicit).
 *
 * <p>Typed so that rules can say what they accept: a flat feature vector, an image in DL4J's
 * channels-first layout, a sequence of feature vectors, or a sequence of integer token ids. A time
 * length of {@link #VARIABLE} means "any length".
 */
public sealed interface Shape {

    /** Time length of a sequence whose length is not fixed. */
    int VARIABLE = -1;

    /** Number of values per example, or -1 when it depends on a variable time length. */
    long size();

    /** Human-readable, Keras order: {@code 64}, {@code 28×28×1} (H×W×C), {@code 100×64} (T×F). */
    String display();

    /** The same shape as DL4J activations: {@code [mb, n]}, {@code [mb, c, h, w]}, {@code [mb, f, t]}. */
    long[] activationShape(int batch);

    /** The family in plain words, for messages: "a flat vector", "an image", ... */
    String family();

    record Flat(int features) implements Shape {
        @Override
        public String family() {
            return "a flat vector";
        }

        @Override
        public long size() {
            return features;
        }

        @Override
        public String display() {
            return Integer.toString(features);
        }

        @Override
        public long[] activationShape(int batch) {
            return new long[] {batch, features};
        }
    }

    record Image(int channels, int height, int width) implements Shape {
        @Override
        public String family() {
            return "an image";
        }

        @Override
        public long size() {
            return (long) channels * height * width;
        }

        @Override
        public String display() {
            return height + "×" + width + "×" + channels;
        }

        @Override
        public long[] activationShape(int batch) {
            return new long[] {batch, channels, height, width};
        }
    }

    record Sequence(int features, int timeSteps) implements Shape {
        @Override
        public String family() {
            return "a sequence";
        }

        @Override
        public long size() {
            return timeSteps == VARIABLE ? -1 : (long) features * timeSteps;
        }

        @Override
        public String display() {
            return time(timeSteps) + "×" + features;
        }

        @Override
        public long[] activationShape(int batch) {
            return new long[] {batch, features, timeSteps};
        }
    }

    /** A sequence of integer token ids below {@code vocabulary}; DL4J sees it as one feature per step. */
    record Tokens(int timeSteps) implements Shape {
        @Override
        public String family() {
            return "a sequence of token ids";
        }

        @Override
        public long size() {
            return timeSteps == VARIABLE ? -1 : timeSteps;
        }

        @Override
        public String display() {
            return time(timeSteps) + " tokens";
        }

        @Override
        public long[] activationShape(int batch) {
            return new long[] {batch, 1, timeSteps};
        }
    }

    private static String time(int timeSteps) {
        return timeSteps == VARIABLE ? "?" : Integer.toString(timeSteps);
    }

}
