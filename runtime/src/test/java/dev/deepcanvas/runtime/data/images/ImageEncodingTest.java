package dev.deepcanvas.runtime.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageEncodingTest {

    @TempDir
    Path dir;

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void a_grey_image_keeps_its_stored_values_not_the_gamma_shifted_ones_javas_getRGB_gives() {
        BufferedImage grey = TestImages.grey(3, 2, 128);
        assertEquals(0xbc, grey.getRGB(0, 0) & 0xff, "Java's colour model turns stored 128 into 188");
        assertArrayEquals(filled(6, 128 / 255f), new ImageEncoding(2, 3, 1).encode(grey));
    }

    @Test
    void a_grey_png_file_keeps_its_stored_values() throws Exception {
        BufferedImage noise = TestImages.noise(5, 4, 1);
        Path file = TestImages.png(dir.resolve("noise.png"), noise);
        float[] values = new ImageEncoding(4, 5, 1).encode(file);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertEquals(noise.getRaster().getSample(x, y, 0) / 255f, values[y * 5 + x]);
            }
        }
    }

    @Test
    void a_grey_image_fills_all_three_rgb_channels() {
        float[] values = new ImageEncoding(4, 4, 3).encode(TestImages.grey(8, 8, 51));
        assertArrayEquals(filled(48, 51 / 255f), values, 1e-6f);
    }

    @Test
    void colour_becomes_grey_by_luminance() {
        ImageEncoding grey = new ImageEncoding(2, 2, 1);
        assertArrayEquals(filled(4, 0.299f), grey.encode(TestImages.rgb(2, 2, 0xff0000)), 1e-6f);
        assertArrayEquals(filled(4, 0.587f), grey.encode(TestImages.rgb(2, 2, 0x00ff00)), 1e-6f);
        assertArrayEquals(filled(4, 0.114f), grey.encode(TestImages.rgb(2, 2, 0x0000ff)), 1e-6f);
        assertArrayEquals(filled(4, 1f), grey.encode(TestImages.rgb(2, 2, 0xffffff)));
    }

    @Test
    void colour_channels_are_stored_red_then_green_then_blue_each_row_by_row() {
        BufferedImage image = TestImages.rgb(2, 1, 0x000000);
        image.setRGB(1, 0, 0x336699);
        float[] values = new ImageEncoding(1, 2, 3).encode(image);
        assertArrayEquals(new float[] {0, 0x33 / 255f, 0, 0x66 / 255f, 0, 0x99 / 255f}, values);
    }

    @Test
    void alpha_is_dropped_and_the_stored_colour_kept() {
        float[] values = new ImageEncoding(1, 1, 3).encode(TestImages.argb(1, 1, 0x00c86432));
        assertArrayEquals(new float[] {200 / 255f, 100 / 255f, 50 / 255f}, values);
    }

    @Test
    void a_palette_image_gives_its_palette_colours() {
        float[] values = new ImageEncoding(1, 1, 3).encode(TestImages.indexed(3, 3, 1));
        assertArrayEquals(new float[] {1, 0, 0}, values);
    }

    @Test
    void a_16_bit_grey_image_is_scaled_to_0_to_1() {
        ImageEncoding encoding = new ImageEncoding(1, 1, 1);
        assertArrayEquals(new float[] {1}, encoding.encode(TestImages.grey16(1, 1, 65535)));
        assertArrayEquals(new float[] {0}, encoding.encode(TestImages.grey16(1, 1, 0)));
        assertArrayEquals(new float[] {257 * 100 / 65535f}, encoding.encode(TestImages.grey16(1, 1, 257 * 100)), 1e-6f);
    }

    @Test
    void a_plain_colour_stays_that_colour_when_shrunk_or_enlarged() {
        assertArrayEquals(filled(28 * 28, 77 / 255f), new ImageEncoding(28, 28, 1).encode(TestImages.grey(300, 97, 77)), 1e-5f);
        assertArrayEquals(filled(3 * 40 * 50, 77 / 255f), new ImageEncoding(40, 50, 3).encode(TestImages.grey(3, 5, 77)), 1e-5f);
    }

    @Test
    void shrinking_averages_every_source_pixel_instead_of_sampling_a_few() {
        // One-pixel black and white stripes: sampling would give black or white, averaging grey
        // (not exactly 0.5: the filter's window is cut at the image's edges).
        BufferedImage stripes = TestImages.grey(64, 64, 0);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x += 2) {
                stripes.getRaster().setSample(x, y, 0, 255);
            }
        }
        assertArrayEquals(filled(64, 0.5f), new ImageEncoding(8, 8, 1).encode(stripes), 0.05f);
    }

    @Test
    void enlarging_interpolates_between_neighbours() {
        BufferedImage image = TestImages.grey(2, 1, 0);
        image.getRaster().setSample(1, 0, 0, 255);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, new ImageEncoding(1, 4, 1).encode(image), 1e-6f);
    }

    @Test
    void json_round_trip_gives_the_same_encoding() throws Exception {
        ImageEncoding encoding = new ImageEncoding(32, 24, 3);
        ObjectNode json = encoding.toJson();
        assertEquals("{\"type\":\"images\",\"height\":32,\"width\":24,\"channels\":3}", json.toString());
        assertEquals(encoding, ImageEncoding.fromJson(new ObjectMapper().readTree(json.toString())));
        assertArrayEquals(new long[] {3, 32, 24}, encoding.exampleShape());
    }

    @Test
    void damaged_json_is_refused_with_what_is_wrong() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("image encoding: type must be 'images', not \"table\"", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("{\"type\":\"table\",\"height\":2,\"width\":2,\"channels\":1}"))).getMessage());
        assertEquals("image encoding: height must be a whole number from 1 to 4096, not null", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("{\"type\":\"images\",\"width\":2,\"channels\":1}"))).getMessage());
        assertEquals("image encoding: width must be a whole number from 1 to 4096, not 2.5", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("{\"type\":\"images\",\"height\":2,\"width\":2.5,\"channels\":1}"))).getMessage());
        assertEquals("image encoding: channels must be 1 or 3, not 4", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("{\"type\":\"images\",\"height\":2,\"width\":2,\"channels\":4}"))).getMessage());
        assertEquals("image encoding: unknown field 'mean'", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("{\"type\":\"images\",\"height\":2,\"width\":2,\"channels\":1,\"mean\":0.5}"))).getMessage());
        assertEquals("image encoding: not a JSON object", assertThrows(DataException.class, () ->
                ImageEncoding.fromJson(mapper.readTree("[]"))).getMessage());
    }

    @Test
    void impossible_shapes_are_refused() {
        assertEquals("channels must be 1 (grey) or 3 (RGB), not 4",
                assertThrows(IllegalArgumentException.class, () -> new ImageEncoding(28, 28, 4)).getMessage());
        assertEquals("image size must be 1 to 4096 pixels a side, not 0×28",
                assertThrows(IllegalArgumentException.class, () -> new ImageEncoding(0, 28, 1)).getMessage());
    }

    @Test
    void a_file_that_is_not_an_image_is_a_data_exception_naming_it() {
        Path text = TestImages.bytes(dir.resolve("notes.png"), "hello".getBytes());
        Path empty = TestImages.bytes(dir.resolve("empty.jpg"), new byte[0]);
        ImageEncoding encoding = new ImageEncoding(8, 8, 1);
        assertEquals(text + ": not a PNG, JPEG or BMP image", assertThrows(DataException.class, () -> encoding.encode(text)).getMessage());
        assertEquals(empty + ": empty file", assertThrows(DataException.class, () -> encoding.encode(empty)).getMessage());
    }

    @Test
    void a_jpeg_missing_only_its_end_marker_still_loads() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(TestImages.grey(16, 16, 90), "jpeg", jpeg);
        Path file = TestImages.bytes(dir.resolve("no-end.jpg"), Arrays.copyOf(jpeg.toByteArray(), jpeg.size() - 2));
        assertArrayEquals(filled(16, 90 / 255f), new ImageEncoding(4, 4, 1).encode(file), 2 / 255f);
    }

    @Test
    void a_file_claiming_a_huge_size_is_refused_before_decoding() throws Exception {
        // Only a PNG signature and a header chunk saying 100,000 × 100,000 pixels: 69 bytes.
        ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(100_000).putInt(100_000).put(new byte[] {8, 0, 0, 0, 0});
        CRC32 crc = new CRC32();
        crc.update(header.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(header.array()).putInt((int) crc.getValue());
        Path file = TestImages.bytes(dir.resolve("bomb.png"), png.array());
        assertEquals(file + ": too large (100000×100000 pixels; at most 50 megapixels)",
                assertThrows(DataException.class, () -> new ImageEncoding(8, 8, 1).encode(file)).getMessage());
    }

    @Test
    void every_file_format_and_colour_type_encodes_to_the_requested_shape() throws Exception {
        Path[] files = {
            TestImages.png(dir.resolve("grey.png"), TestImages.grey(5, 7, 10)),
            TestImages.png(dir.resolve("rgb.png"), TestImages.rgb(64, 40, 0x123456)),
            TestImages.png(dir.resolve("rgba.png"), TestImages.argb(30, 30, 0x80ff8000)),
            TestImages.png(dir.resolve("indexed.png"), TestImages.indexed(17, 3, 2)),
            TestImages.png(dir.resolve("grey16.png"), TestImages.grey16(9, 9, 40000)),
            TestImages.png(dir.resolve("binary.png"), new BufferedImage(13, 11, BufferedImage.TYPE_BYTE_BINARY)),
            TestImages.write(dir.resolve("rgb.jpg"), TestImages.rgb(50, 20, 0x00ff00), "jpeg"),
            TestImages.write(dir.resolve("grey.jpeg"), TestImages.grey(20, 50, 200), "jpeg"),
            TestImages.write(dir.resolve("rgb.bmp"), TestImages.rgb(9, 9, 0x0000ff), "bmp"),
            TestImages.write(dir.resolve("indexed.bmp"), TestImages.indexed(4, 6, 3), "bmp"),
        };
        for (int channels : new int[] {1, 3}) {
            ImageEncoding encoding = new ImageEncoding(16, 12, channels);
            for (Path file : files) {
                float[] values = encoding.encode(file);
                assertEquals(channels * 16 * 12, values.length, file.toString());
                for (float v : values) {
                    assertTrue(v >= 0 && v <= 1, file + " has " + v);
                }
            }
        }
    }
}
