package dev.deepcanvas.runtime.data;

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
 */
public record Examples(long[] exampleShape, float[] features, int labelWidth, float[] labels, int[] origins) {

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
        int best = 0;
        for (int c = 1; c < labelWidth; c++) {
            if (labels[i * labelWidth + c] > labels[i * labelWidth + best]) {
                best = c;
            }
        }
        return best;
    }
}
