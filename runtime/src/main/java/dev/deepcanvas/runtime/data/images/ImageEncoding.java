package dev.deepcanvas.runtime.data.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.FittedEncoding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * How an image becomes the network's input: resized to {@code height × width} (bilinear, averaging
 * when shrinking), made grey (luminance, ITU-R 601: 0.299 R + 0.587 G + 0.114 B) or RGB (a grey
 * image is repeated in all three), alpha dropped, values divided by 255 into 0..1, stored channel
 * after channel, row after row (DL4J's NCHW order). The loader encodes every training image with
 * this, and a model bundle keeps it, so a prediction on a new file sees exactly what training saw.
 */
public record ImageEncoding(int height, int width, int channels) implements FittedEncoding {

    public static final String TYPE = "images";

    /** Larger sides are surely a mistake and would make every example huge. */
    public static final int MAX_SIDE = 4096;

    private static final Set<String> FIELDS = Set.of("type", "height", "width", "channels");

    public ImageEncoding {
        if (height < 1 || height > MAX_SIDE || width < 1 || width > MAX_SIDE) {
            throw new IllegalArgumentException("image size must be 1 to " + MAX_SIDE + " pixels a side, not " + height + "×" + width);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), not " + channels);
        }
    }

    @Override
    public long[] exampleShape() {
        return new long[] {channels, height, width};
    }

    /** Values per encoded image: channels × height × width. */
    public int featureWidth() {
        return channels * height * width;
    }

    public float[] encode(BufferedImage image) {
        float[][] planes = PixelPlanes.of(image);
        float[][] colours = channels == 1 ? new float[][] {grey(planes)} : rgb(planes);
        float[] out = new float[featureWidth()];
        int plane = height * width;
        float[] previous = null;
        float[] resized = null;
        for (int c = 0; c < channels; c++) {
            if (colours[c] != previous) {
                // A grey source repeated into RGB is resized once.
                previous = colours[c];
                resized = Resampler.resize(colours[c], image.getHeight(), image.getWidth(), height, width);
            }
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = Math.min(1f, Math.max(0f, resized[i] / 255f));
            }
        }
        return out;
    }

    /** Reads and encodes one file (PNG, JPEG or BMP, told by its content). */
    public float[] encode(Path file) throws DataException, IOException {
        try {
            return encode(new ImageDecoder().read(file));
        } catch (ImageDecoder.UnreadableImageException e) {
            throw new DataException(file.toString(), e.getMessage());
        }
    }

    private static float[] grey(float[][] planes) {
        if (planes.length == 1) {
            return planes[0];
        }
        float[] r = planes[0];
        float[] g = planes[1];
        float[] b = planes[2];
        float[] grey = new float[r.length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
        }
        return grey;
    }

    private static float[][] rgb(float[][] planes) {
        return planes.length == 3 ? planes : new float[][] {planes[0], planes[0], planes[0]};
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("type", TYPE);
        o.put("height", height);
        o.put("width", width);
        o.put("channels", channels);
        return o;
    }

    /** Reads what {@link #toJson()} wrote; strict, so a damaged model bundle is caught, not half-used. */
    public static ImageEncoding fromJson(JsonNode json) throws DataException {
        if (json == null || !json.isObject()) {
            throw new DataException(null, "image encoding: not a JSON object");
        }
        JsonNode type = json.get("type");
        if (type == null || !TYPE.equals(type.asText(null))) {
            throw new DataException(null, "image encoding: type must be '" + TYPE + "', not " + type);
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new DataException(null, "image encoding: unknown field '" + name + "'");
            }
        }
        int height = whole(json, "height", 1, MAX_SIDE);
        int width = whole(json, "width", 1, MAX_SIDE);
        JsonNode channels = json.get("channels");
        if (channels == null || !channels.isInt() || (channels.intValue() != 1 && channels.intValue() != 3)) {
            throw new DataException(null, "image encoding: channels must be 1 or 3, not " + channels);
        }
        return new ImageEncoding(height, width, channels.intValue());
    }

    private static int whole(JsonNode json, String field, int min, int max) throws DataException {
        JsonNode v = json.get(field);
        if (v == null || !v.isInt() || v.intValue() < min || v.intValue() > max) {
            throw new DataException(null, "image encoding: " + field + " must be a whole number from " + min + " to " + max + ", not " + v);
        }
        return v.intValue();
    }
}
