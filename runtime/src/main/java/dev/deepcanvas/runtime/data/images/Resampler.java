package dev.deepcanvas.runtime.data.images;

/**
 * Resizes one plane of pixel values with a triangle (bilinear) filter that widens when shrinking,
 * the way Pillow's {@code resize(BILINEAR)} does. Plain bilinear sampling would read only 2×2
 * source pixels per output pixel, so a 640×480 photo shrunk to 28×28 would alias badly; widening
 * the filter averages every source pixel under the output pixel instead. Separable: rows first,
 * then columns.
 */
final class Resampler {

    private Resampler() {}

    /**
     * @param source {@code sourceHeight × sourceWidth} values, row after row
     * @return {@code height × width} values, row after row; the same array if the size is unchanged
     */
    static float[] resize(float[] source, int sourceHeight, int sourceWidth, int height, int width) {
        if (sourceHeight == height && sourceWidth == width) {
            return source;
        }
        Axis across = Axis.of(sourceWidth, width);
        Axis down = Axis.of(sourceHeight, height);
        float[] rows = new float[sourceHeight * width];
        for (int y = 0; y < sourceHeight; y++) {
            across.apply(source, y * sourceWidth, 1, rows, y * width, 1);
        }
        float[] out = new float[height * width];
        for (int x = 0; x < width; x++) {
            down.apply(rows, x, width, out, x, width);
        }
        return out;
    }

    /** For each output position along one axis: the first source position and the weights from there on. */
    private record Axis(int[] first, float[][] weights) {

        static Axis of(int in, int out) {
            double scale = (double) in / out;
            // Widening the filter by the shrink factor is what makes shrinking average, not skip.
            double filterScale = Math.max(scale, 1.0);
            double support = filterScale;
            int[] first = new int[out];
            float[][] weights = new float[out][];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int from = Math.max(0, (int) (centre - support + 0.5));
                int to = Math.min(in, (int) (centre + support + 0.5));
                double[] w = new double[Math.max(1, to - from)];
                double sum = 0;
                for (int j = from; j < to; j++) {
                    w[j - from] = Math.max(0, 1 - Math.abs((j + 0.5 - centre) / filterScale));
                    sum += w[j - from];
                }
                first[i] = Math.min(from, in - 1);
                weights[i] = new float[w.length];
                for (int k = 0; k < w.length; k++) {
                    // Weights add up to 1, so a plain colour stays that colour.
                    weights[i][k] = (float) (sum > 0 ? w[k] / sum : 1.0 / w.length);
                }
            }
            return new Axis(first, weights);
        }

        void apply(float[] in, int inStart, int inStep, float[] out, int outStart, int outStep) {
            for (int i = 0; i < first.length; i++) {
                float[] w = weights[i];
                int at = inStart + first[i] * inStep;
                float sum = 0;
                for (int k = 0; k < w.length; k++) {
                    sum += w[k] * in[at + k * inStep];
                }
                out[outStart + i * outStep] = sum;
            }
        }
    }
}
