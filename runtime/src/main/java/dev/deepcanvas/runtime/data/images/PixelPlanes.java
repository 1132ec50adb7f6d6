package dev.deepcanvas.runtime.data.images;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * The pixel values of a decoded image as stored in the file, 0..255, one plane per colour: one
 * plane for a grey image, three (red, green, blue) otherwise. Alpha is dropped, as Pillow's
 * {@code convert("RGB")} and OpenCV's {@code imread} do, so results match what users know.
 */
final class PixelPlanes {

    private PixelPlanes() {}

    static float[][] of(BufferedImage image) {
        return isStoredGrey(image) ? new float[][] {greyFromRaster(image)} : rgbFromColourModel(image);
    }

    /**
     * Java's grey colour space is linear, so {@code getRGB} on a grey PNG or JPEG applies a gamma
     * curve (stored 128 comes back as 188). Grey images are therefore read from the raster, which
     * holds the values exactly as the file stores them.
     */
    private static boolean isStoredGrey(BufferedImage image) {
        int type = image.getRaster().getTransferType();
        return image.getColorModel() instanceof ComponentColorModel
                && image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT);
    }

    private static float[] greyFromRaster(BufferedImage image) {
        Raster raster = image.getRaster();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] samples = raster.getSamples(0, 0, w, h, 0, (int[]) null);
        int bits = image.getColorModel().getComponentSize(0);
        float max = (float) ((1L << bits) - 1);
        float[] grey = new float[w * h];
        if (bits == 8) {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = samples[i];
            }
        } else {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = samples[i] * 255f / max;
            }
        }
        return grey;
    }

    private static float[][] rgbFromColourModel(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] red = new float[w * h];
        float[] green = new float[w * h];
        float[] blue = new float[w * h];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            // getRGB gives non-premultiplied sRGB whatever the storage: indexed, 16-bit, BGR, ...
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                red[y * w + x] = (argb >> 16) & 0xff;
                green[y * w + x] = (argb >> 8) & 0xff;
                blue[y * w + x] = argb & 0xff;
            }
        }
        return new float[][] {red, green, blue};
    }
}
