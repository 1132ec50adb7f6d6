package dev.deepcanvas.runtime.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Counts of values in equal-width bins between {@code min} and {@code max}. */
public record Histogram(double min, double max, int[] counts) {

    public static final int BINS = 24;

    static Histogram of(INDArray values) {
        float[] v = values.ravel().toFloatVector();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int[] counts = new int[BINS];
        if (v.length == 0) {
            return new Histogram(0, 0, counts);
        }
        double width = max > min ? (max - min) / BINS : 1;
        for (float x : v) {
            counts[Math.min(BINS - 1, (int) ((x - min) / width))]++;
        }
        return new Histogram(min, max, counts);
    }

    public int total() {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }
}
