package dev.deepcanvas.runtime.data.images;

import dev.deepcanvas.runtime.document.DataBinding;
import java.util.Random;

/**
 * Random changes to training images, drawn anew for every image of every batch, so the network
 * sees a slightly different picture each epoch and learns the object rather than its exact
 * pixels. Each image is flipped left-right (probability 1/2, if enabled), rotated about its centre
 * by a uniform angle within ±rotation degrees and shifted by whole pixels within ±shift. Pixels
 * moved in from outside the image are 0. Sampling is nearest-pixel: fast, and it never invents
 * values, so 0..1 inputs stay 0..1. The same seeded {@link Random} gives the same changes.
 */
public final class Augmenter {

    private final DataBinding.Augmentation settings;
    private final int channels;
    private final int height;
    private final int width;

    public Augmenter(DataBinding.Augmentation settings, int channels, int height, int width) {
        if (settings.rotation() < 0 || settings.rotation() > 180 || Double.isNaN(settings.rotation())) {
            throw new IllegalArgumentException("rotation must be 0 to 180 degrees, not " + settings.rotation());
        }
        if (settings.shift() < 0) {
            throw new IllegalArgumentException("shift must be 0 or more pixels, not " + settings.shift());
        }
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, not " + channels + "×" + height + "×" + width);
        }
        this.settings = settings;
        this.channels = channels;
        this.height = height;
        this.width = width;
    }

    /** False when nothing is enabled; then {@link #augment} changes nothing and draws no random numbers. */
    public boolean isActive() {
        return settings.any();
    }

    /**
     * Changes the first {@code examples} images of {@code batch} in place.
     *
     * @param batch images in NCHW order, {@code channels × height × width} values each
     */
    public void augment(float[] batch, int examples, Random random) {
        int plane = height * width;
        int size = channels * plane;
        if (examples < 0 || (long) examples * size > batch.length) {
            throw new IllegalArgumentException(examples + " images of " + size + " values do not fit in a batch of " + batch.length);
        }
        if (!isActive()) {
            return;
        }
        float[] original = new float[size];
        int[] source = new int[plane];
        for (int e = 0; e < examples; e++) {
            // What is drawn depends on the settings only, never on earlier draws, so a seed fixes the whole sequence.
            boolean flip = settings.flip() && random.nextBoolean();
            double degrees = settings.rotation() > 0 ? (random.nextDouble() * 2 - 1) * settings.rotation() : 0;
            int dx = settings.shift() > 0 ? random.nextInt(2 * settings.shift() + 1) - settings.shift() : 0;
            int dy = settings.shift() > 0 ? random.nextInt(2 * settings.shift() + 1) - settings.shift() : 0;
            if (!flip && degrees == 0 && dx == 0 && dy == 0) {
                continue;
            }
            mapSources(source, flip, Math.toRadians(degrees), dx, dy);
            int start = e * size;
            System.arraycopy(batch, start, original, 0, size);
            for (int c = 0; c < channels; c++) {
                int offset = c * plane;
                for (int p = 0; p < plane; p++) {
                    batch[start + offset + p] = source[p] < 0 ? 0f : original[offset + source[p]];
                }
            }
        }
    }

    /**
     * For every output pixel, the input pixel it comes from (or -1 for outside). Works backwards
     * from the output — undo the shift, then the rotation, then the flip — so every output pixel
     * gets exactly one value and no holes appear.
     */
    private void mapSources(int[] source, boolean flip, double radians, int dx, int dy) {
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double ux = x - dx - cx;
                double uy = y - dy - cy;
                double rx = cx + cos * ux + sin * uy;
                double ry = cy - sin * ux + cos * uy;
                int sx = (int) Math.floor(rx + 0.5);
                int sy = (int) Math.floor(ry + 0.5);
                if (flip) {
                    sx = width - 1 - sx;
                }
                source[y * width + x] = sx < 0 || sx >= width || sy < 0 || sy >= height ? -1 : sy * width + sx;
            }
        }
    }
}
