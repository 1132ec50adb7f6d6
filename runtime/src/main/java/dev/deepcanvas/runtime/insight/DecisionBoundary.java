package dev.deepcanvas.runtime.insight;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The model's decision regions over the plane of two numeric features: a grid of the predicted
 * class and its probability, for drawing under the scatter of the data. Grid points go through
 * the fitted encoding, so the map is in the data's own units.
 */
public final class DecisionBoundary {

    /**
     * A {@code columns × rows} grid over [xMin, xMax] × [yMin, yMax]; cell (c, r) has its centre at
     * x = xMin + (c + ½)·(xMax − xMin)/columns and y likewise; row 0 is at yMin.
     */
    public record Grid(double xMin, double xMax, double yMin, double yMax, int columns, int rows, int[] predicted, float[] confidence) {
        public int classAt(int column, int row) {
            return predicted[row * columns + column];
        }
    }

    private DecisionBoundary() {}

    /** True when a table encoding has exactly two feature values, both numeric columns. */
    public static boolean applies(TabularEncoding encoding) {
        return encoding.featureColumns().size() == 2 && encoding.exampleShape()[0] == 2;
    }

    /**
     * @param model class probabilities for {@code n} encoded examples laid out one after another
     *     ({@code (features, n) -> n × classes} values; for one yes/no unit, n values)
     */
    public static Grid compute(TabularEncoding encoding, double xMin, double xMax, double yMin, double yMax, int columns, int rows,
            BiFunction<float[], Integer, float[]> model) throws DataException {
        List<String> names = encoding.featureColumns();
        int n = columns * rows;
        float[] features = new float[n * 2];
        Map<String, String> raw = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            double y = yMin + (r + 0.5) * (yMax - yMin) / rows;
            for (int c = 0; c < columns; c++) {
                double x = xMin + (c + 0.5) * (xMax - xMin) / columns;
                raw.put(names.get(0), Double.toString(x));
                raw.put(names.get(1), Double.toString(y));
                float[] encoded = encoding.encode(raw);
                int i = r * columns + c;
                features[2 * i] = encoded[0];
                features[2 * i + 1] = encoded[1];
            }
        }
        float[] out = model.apply(features, n);
        int width = out.length / n;
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            if (width == 1) {
                float p = out[i];
                predicted[i] = p > 0.5f ? 1 : 0;
                confidence[i] = Math.max(p, 1 - p);
            } else {
                int best = 0;
                for (int k = 1; k < width; k++) {
                    if (out[i * width + k] > out[i * width + best]) {
                        best = k;
                    }
                }
                predicted[i] = best;
                confidence[i] = out[i * width + best];
            }
        }
        return new Grid(xMin, xMax, yMin, yMax, columns, rows, predicted, confidence);
    }
}
