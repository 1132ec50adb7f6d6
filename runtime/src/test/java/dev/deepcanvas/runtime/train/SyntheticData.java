package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.StratifiedSplit;
import dev.deepcanvas.runtime.data.Target;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small generated data sets for trainer tests: two Gaussian blobs, or a noisy line. */
final class SyntheticData {

    private SyntheticData() {}

    /** Two classes around (-1, -1) and (1, 1); {@code noise} is the standard deviation. */
    static PreparedData blobs(int n, double noise, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 2];
        float[] y = new float[n * 2];
        int[] classes = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            classes[i] = c;
            double centre = c == 0 ? -1 : 1;
            x[2 * i] = (float) (centre + r.nextGaussian() * noise);
            x[2 * i + 1] = (float) (centre + r.nextGaussian() * noise);
            y[2 * i + c] = 1;
        }
        return split(x, 2, y, 2, classes, Target.classes("class", List.of("a", "b")), seed);
    }

    /** y = 3x + 1 + noise, standardised labels with the true mean and spread. */
    static PreparedData line(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
            y[i] = (float) ((3 * x[i] + 1 + 0.1 * r.nextGaussian() - 1) / 3);
        }
        return split(x, 1, y, 1, null, Target.quantity("y", 1, 3), seed);
    }

    static PreparedData split(float[] x, int width, float[] y, int labelWidth, int[] classes, Target target, long seed) {
        int n = x.length / width;
        StratifiedSplit s = StratifiedSplit.of(classes, n, 0.7, 0.15, seed);
        return new PreparedData(target, pick(x, width, y, labelWidth, s.train()), pick(x, width, y, labelWidth, s.validation()),
                pick(x, width, y, labelWidth, s.test()), null, new DataReport(n, 0, Map.of(), Map.of(), List.of(), List.of()), List.of());
    }

    static Examples pick(float[] x, int width, float[] y, int labelWidth, int[] rows) {
        float[] fx = new float[rows.length * width];
        float[] fy = new float[rows.length * labelWidth];
        int[] origins = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * width, fx, i * width, width);
            System.arraycopy(y, rows[i] * labelWidth, fy, i * labelWidth, labelWidth);
            origins[i] = rows[i] + 2;
        }
        return new Examples(new long[] {width}, fx, labelWidth, fy, origins);
    }
}
