package dev.deepcanvas.runtime.data.toy;

import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Two-dimensional classification sets for decision-boundary lessons, written as a CSV file
 * ({@code x1,x2,label}) beside the project so that the project file alone reproduces the run.
 * Shapes follow scikit-learn's make_moons / make_circles and the classic spirals and XOR.
 */
public enum ToyDataset {
    /** Two interleaving half circles. */
    MOONS,
    /** A small circle inside a larger one. */
    CIRCLES,
    /** Two arms spiralling around each other: needs a deeper network. */
    SPIRALS,
    /** Four quadrants, opposite corners alike: not linearly separable. */
    XOR;

    /** {@code n} points (about half per class) with Gaussian noise of the given spread, seeded. */
    public double[][] generate(int n, double noise, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double t = r.nextDouble();
            double x;
            double y;
            switch (this) {
                case MOONS -> {
                    double angle = Math.PI * t;
                    x = label == 0 ? Math.cos(angle) : 1 - Math.cos(angle);
                    y = label == 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
                }
                case CIRCLES -> {
                    double angle = 2 * Math.PI * t;
                    double radius = label == 0 ? 1.0 : 0.5;
                    x = radius * Math.cos(angle);
                    y = radius * Math.sin(angle);
                }
                case SPIRALS -> {
                    double radius = 0.1 + 0.9 * t;
                    double angle = 3 * Math.PI * t + label * Math.PI;
                    x = radius * Math.cos(angle);
                    y = radius * Math.sin(angle);
                }
                default -> {
                    x = r.nextDouble() * 2 - 1;
                    y = r.nextDouble() * 2 - 1;
                    label = (x > 0) == (y > 0) ? 0 : 1;
                }
            }
            rows[i] = new double[] {x + r.nextGaussian() * noise, y + r.nextGaussian() * noise, label};
        }
        return rows;
    }

    /** Writes {@link #generate} as {@code x1,x2,label} with labels "a" and "b". */
    public void write(Path csv, int n, double noise, long seed) throws IOException {
        StringBuilder s = new StringBuilder("x1,x2,label\n");
        for (double[] row : generate(n, noise, seed)) {
            s.append(String.format(Locale.ROOT, "%.5f,%.5f,%s%n", row[0], row[1], row[2] == 0 ? "a" : "b"));
        }
        AtomicFiles.write(csv, s.toString().getBytes(StandardCharsets.UTF_8));
    }

    public String fileName() {
        return name().toLowerCase(Locale.ROOT) + ".csv";
    }
}
