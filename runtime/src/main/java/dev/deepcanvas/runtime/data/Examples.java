package dev.deepcanvas.runtime.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One split of a prepared data set, as plain arrays (no ND4J, so it is cheap to build and test).
 *
 * @param exampleShape the shape of one example without the batch dimension, as DL4J wants it:
 *     {@code [features]} for a table, {@code [channels, height, width]} for images
 * @param features {@code size() × product(exampleShape)} values, example after example
 * @param labelWidth values per label: the number of classes (one-hot) or 1 for regression
 * @param labels {@code size() × labelWidth} values; regression targets are standardised
 * @param origins for each example, where it came from: the 1-based line of a CSV file, or the
 *     index of an image file in {@link PreparedData#imageFiles()}
 * @param mask for sequences of different lengths, {@code size() × timeSteps()} values: 1 for a real
 *     step, 0 for padding (real steps come first); null when every step is real
 * @param reference for forecasts, each example's last observed target value in the target's units
 *     (the naive forecast, and the level a forecast of the change is added to); null otherwise
 */
public record Examples(long[] exampleShape, float[] features, int labelWidth, float[] labels, int[] origins, float[] mask,
        double[] reference) {

    /** Examples of fixed size (tables, images, windows of equal length) that are not forecasts. */
    public Examples(long[] exampleShape, float[] features, int labelWidth, float[] labels, int[] origins) {
        this(exampleShape, features, labelWidth, labels, origins, null, null);
    }

    /** Time steps of a sequence example ({@code exampleShape} is {@code [features, time]}), else 1. */
    public int timeSteps() {
        return exampleShape.length == 2 ? (int) exampleShape[1] : 1;
    }

    /** How many real (unpadded) steps example {@code i} has. */
    public int length(int i) {
        int t = timeSteps();
        if (mask == null) {
            return t;
        }
        int n = 0;
        for (int s = 0; s < t; s++) {
            n += mask[i * t + s] > 0 ? 1 : 0;
        }
        return n;
    }

    /** Example {@code i}'s target in the target's units, from a standardised label or network output. */
    public double toUnits(Target target, int i, double standardised) {
        double value = target.toUnits(standardised);
        return target.relative() ? reference[i] + value : value;
    }

    public int size() {
        return origins.length;
    }

    public int featureWidth() {
        long n = 1;
        for (long d : exampleShape) {
            n *= d;
        }
        return (int) n;
    }

    /** The class index of example {@code i} (classification only). */
    public int classOf(int i) {
        return classAt(labels, i, labelWidth);
    }

    /** How many examples of each class this split holds, by class name, in class order. */
    public Map<String, Integer> classCounts(List<String> classNames) {
        int[] counts = new int[classNames.size()];
        for (int i = 0; i < size(); i++) {
            counts[classOf(i)]++;
        }
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int c = 0; c < counts.length; c++) {
            byName.put(classNames.get(c), counts[c]);
        }
        return byName;
    }

    /**
     * The class that row {@code i} of one-hot labels or of network outputs stands for: the largest
     * value, or for a single yes/no column, class 1 when the value is above one half.
     */
    public static int classAt(float[] values, int i, int width) {
        if (width == 1) {
            return values[i] > 0.5f ? 1 : 0;
        }
        int best = 0;
        for (int c = 1; c < width; c++) {
            if (values[i * width + c] > values[i * width + best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * The same examples with two-class one-hot labels turned into one 0/1 column, for a network
     * whose output is a single sigmoid unit.
     */
    public Examples withYesNoLabels() {
        if (labelWidth != 2) {
            throw new IllegalStateException("yes/no labels need exactly two classes, not " + labelWidth);
        }
        float[] single = new float[size()];
        for (int i = 0; i < single.length; i++) {
            single[i] = labels[2 * i + 1];
        }
        return new Examples(exampleShape, features, 1, single, origins, mask, reference);
    }
}
