package dev.deepcanvas.runtime.data.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.document.DataBinding;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderLoaderTest {

    @TempDir
    Path dir;

    private static final DataBinding BINDING = DataBinding.images("digits");
    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** 6 images of each digit, 8×8 grey, from scikit-learn's copy of the UCI optical digits. */
    private static Path digits() throws Exception {
        return Path.of(ImageFolderLoaderTest.class.getResource("/data/digits_8x8").toURI());
    }

    private static PreparedData prepare(Path folder, int height, int width, int channels) throws Exception {
        return ImageFolderLoader.prepare(folder, BINDING, 42, height, width, channels);
    }

    private static List<Examples> splits(PreparedData data) {
        return List.of(data.train(), data.validation(), data.test());
    }

    @Test
    void the_digit_folders_become_ten_classes_in_name_order_with_one_hot_labels() throws Exception {
        PreparedData data = prepare(digits(), 8, 8, 1);
        assertEquals(Task.CLASSIFICATION, data.target().task());
        assertEquals(DIGITS, data.target().classNames());
        assertEquals(60, data.imageFiles().size());
        assertEquals("0/0000.png", data.imageFiles().get(0));
        assertEquals(60, data.report().rowsRead());
        assertEquals(List.of(), data.report().skipped());
        assertEquals(List.of(), data.report().warnings());
        for (Examples split : splits(data)) {
            assertArrayEquals(new long[] {1, 8, 8}, split.exampleShape());
            assertEquals(10, split.labelWidth());
            for (int i = 0; i < split.size(); i++) {
                String file = data.imageFiles().get(split.origins()[i]);
                assertEquals(file.substring(0, file.indexOf('/')), DIGITS.get(split.classOf(i)), file);
                float[] label = Arrays.copyOfRange(split.labels(), i * 10, i * 10 + 10);
                assertEquals(1f, (float) IntStream.range(0, 10).mapToDouble(c -> label[c]).sum(), file);
            }
        }
    }

    @Test
    void features_are_the_stored_pixel_values_divided_by_255_row_by_row() throws Exception {
        Path folder = digits();
        PreparedData data = prepare(folder, 8, 8, 1);
        Examples train = data.train();
        for (int i = 0; i < train.size(); i++) {
            BufferedImage image = ImageIO.read(folder.resolve(data.imageFiles().get(train.origins()[i])).toFile());
            for (int p = 0; p < 64; p++) {
                assertEquals(image.getRaster().getSample(p % 8, p / 8, 0) / 255f, train.features()[i * 64 + p]);
            }
        }
    }

    @Test
    void encoding_a_file_again_gives_exactly_the_features_it_was_trained_with() throws Exception {
        Path folder = digits();
        PreparedData data = prepare(folder, 12, 10, 3);
        ImageEncoding encoding = (ImageEncoding) data.encoding();
        assertEquals(new ImageEncoding(12, 10, 3), encoding);
        for (Examples split : splits(data)) {
            int fw = split.featureWidth();
            assertEquals(360, fw);
            for (int i = 0; i < split.size(); i++) {
                Path file = folder.resolve(data.imageFiles().get(split.origins()[i]));
                assertArrayEquals(encoding.encode(file), Arrays.copyOfRange(split.features(), i * fw, (i + 1) * fw), file.toString());
            }
        }
    }

    @Test
    void every_class_is_in_every_split_in_the_binding_proportions() throws Exception {
        PreparedData data = prepare(digits(), 8, 8, 1);
        Map<String, Integer> four = new LinkedHashMap<>();
        Map<String, Integer> one = new LinkedHashMap<>();
        DIGITS.forEach(d -> {
            four.put(d, 4);
            one.put(d, 1);
        });
        assertEquals(Map.of("train", four, "validation", one, "test", one), data.report().classCounts());
        assertEquals(40, data.train().size());
        assertEquals(10, data.validation().size());
        assertEquals(10, data.test().size());
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(data.train().origins()), Arrays.stream(data.validation().origins())),
                Arrays.stream(data.test().origins())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 60).toArray(), all, "each image in exactly one split");
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_another() throws Exception {
        PreparedData first = ImageFolderLoader.prepare(digits(), BINDING, 7, 8, 8, 1);
        PreparedData again = ImageFolderLoader.prepare(digits(), BINDING, 7, 8, 8, 1);
        PreparedData other = ImageFolderLoader.prepare(digits(), BINDING, 8, 8, 8, 1);
        for (int s = 0; s < 3; s++) {
            assertArrayEquals(splits(first).get(s).origins(), splits(again).get(s).origins());
            assertArrayEquals(splits(first).get(s).features(), splits(again).get(s).features());
        }
        assertFalse(Arrays.equals(first.train().origins(), other.train().origins()));
    }

    @Test
    void png_jpeg_and_bmp_files_of_any_size_and_colour_type_load_to_the_requested_shape() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TestImages.png(a.resolve("grey.png"), TestImages.grey(5, 7, 10));
        TestImages.png(a.resolve("rgb.png"), TestImages.rgb(64, 40, 0x123456));
        TestImages.png(a.resolve("rgba.png"), TestImages.argb(30, 30, 0x80ff8000));
        TestImages.png(a.resolve("indexed.PNG"), TestImages.indexed(17, 3, 2));
        TestImages.png(a.resolve("grey16.png"), TestImages.grey16(9, 9, 40000));
        TestImages.write(b.resolve("rgb.jpg"), TestImages.rgb(50, 20, 0x00ff00), "jpeg");
        TestImages.write(b.resolve("grey.JPEG"), TestImages.grey(20, 50, 200), "jpeg");
        TestImages.write(b.resolve("rgb.bmp"), TestImages.rgb(9, 9, 0x0000ff), "bmp");
        TestImages.write(b.resolve("indexed.Bmp"), TestImages.indexed(4, 6, 3), "bmp");
        // Told by content, not by name: a JPEG saved as .png still loads.
        TestImages.write(b.resolve("really-a-jpeg.png"), TestImages.rgb(8, 8, 0xff0000), "jpeg");
        DataBinding allTrain = BINDING.withSplit(1, 0, 0);
        for (int channels : new int[] {1, 3}) {
            PreparedData data = ImageFolderLoader.prepare(dir, allTrain, 1, 16, 12, channels);
            assertEquals(List.of(), data.report().skipped());
            assertEquals(10, data.train().size());
            assertArrayEquals(new long[] {channels, 16, 12}, data.train().exampleShape());
            assertEquals(10 * channels * 16 * 12, data.train().features().length);
            for (float v : data.train().features()) {
                assertTrue(v >= 0 && v <= 1, "value " + v);
            }
        }
    }

    @Test
    void a_corrupt_image_and_an_empty_file_are_skipped_and_reported() throws Exception {
        TestImages.pngs(dir.resolve("a"), 3);
        TestImages.pngs(dir.resolve("b"), 3);
        byte[] random = new byte[300];
        new Random(1).nextBytes(random);
        TestImages.bytes(dir.resolve("a/x.png"), random);
        TestImages.bytes(dir.resolve("b/empty.png"), new byte[0]);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(TestImages.noise(40, 40, 3), "png", png);
        TestImages.bytes(dir.resolve("a/truncated.png"), Arrays.copyOf(png.toByteArray(), png.size() / 2));
        // The JDK decodes a cut-off JPEG without an error, filling the missing part with grey.
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(TestImages.noise(40, 40, 4), "jpeg", jpeg);
        TestImages.bytes(dir.resolve("b/cut.jpg"), Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2));

        PreparedData data = prepare(dir, 6, 6, 1);

        List<String> skipped = data.report().skipped();
        assertEquals(4, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith("a/truncated.png: corrupt or unsupported PNG image ("), skipped.get(0));
        assertEquals("a/x.png: not a PNG, JPEG or BMP image", skipped.get(1));
        assertEquals("b/cut.jpg: corrupt JPEG image (the file is cut off)", skipped.get(2));
        assertEquals("b/empty.png: empty file", skipped.get(3));
        assertEquals(10, data.report().rowsRead());
        assertEquals(List.of("a/0.png", "a/1.png", "a/2.png", "b/0.png", "b/1.png", "b/2.png"), data.imageFiles());
    }

    @Test
    void hidden_entries_other_files_and_nested_folders_are_ignored() throws Exception {
        TestImages.pngs(dir.resolve("cat"), 2);
        TestImages.pngs(dir.resolve("dog"), 2);
        byte[] junk = "not an image".getBytes();
        TestImages.bytes(dir.resolve("cat/._0.png"), junk);
        TestImages.bytes(dir.resolve("cat/.hidden.jpg"), junk);
        TestImages.bytes(dir.resolve("cat/notes.txt"), junk);
        TestImages.bytes(dir.resolve("cat/.DS_Store"), junk);
        TestImages.bytes(dir.resolve("dog/photo.gif"), junk);
        TestImages.bytes(dir.resolve("labels.csv"), junk);
        TestImages.pngs(dir.resolve(".git"), 2);
        TestImages.pngs(dir.resolve("dog/more"), 2);

        PreparedData data = prepare(dir, 6, 6, 1);

        assertEquals(List.of("cat", "dog"), data.target().classNames());
        assertEquals(List.of("cat/0.png", "cat/1.png", "dog/0.png", "dog/1.png"), data.imageFiles());
        assertEquals(List.of(), data.report().skipped());
        assertEquals(4, data.report().rowsRead());
    }

    @Test
    void a_small_class_and_a_small_validation_split_are_warned_about() throws Exception {
        TestImages.pngs(dir.resolve("a"), 10);
        TestImages.pngs(dir.resolve("b"), 4);

        PreparedData data = prepare(dir, 6, 6, 1);

        assertEquals(Map.of("train", Map.of("a", 7, "b", 3), "validation", Map.of("a", 2, "b", 1), "test", Map.of("a", 1, "b", 0)),
                data.report().classCounts());
        assertEquals(List.of(
                "class 'b' has 4 images, less than half of the 10 in 'a'; the network may learn to ignore it",
                "the validation split has only 3 images, so its accuracy will be noisy; add images or raise the validation fraction"),
                data.report().warnings());
    }

    @Test
    void no_validation_warning_when_the_binding_asks_for_no_validation_split() throws Exception {
        TestImages.pngs(dir.resolve("a"), 5);
        TestImages.pngs(dir.resolve("b"), 5);
        PreparedData data = ImageFolderLoader.prepare(dir, BINDING.withSplit(0.8, 0, 0.2), 1, 6, 6, 1);
        assertEquals(0, data.validation().size());
        assertEquals(List.of(), data.report().warnings());
    }

    @Test
    void a_missing_folder_is_an_error() {
        Path missing = dir.resolve("nowhere");
        assertEquals(missing + ": the folder does not exist", error(missing));
    }

    @Test
    void a_file_instead_of_a_folder_is_an_error() {
        Path file = TestImages.bytes(dir.resolve("data.csv"), "a,b\n".getBytes());
        assertEquals(file + ": not a folder; image data is a folder with one sub-folder per class", error(file));
    }

    @Test
    void images_without_class_sub_folders_are_an_error() {
        TestImages.pngs(dir, 3);
        assertEquals(dir + ": no class sub-folders; put the images of each class in a sub-folder named after the class", error(dir));
    }

    @Test
    void a_class_folder_without_images_is_an_error_naming_it() throws Exception {
        TestImages.pngs(dir.resolve("cat"), 2);
        TestImages.bytes(dir.resolve("dog/readme.txt"), "photos to come".getBytes());
        assertEquals(dir + ": class folder 'dog' has no images (.png, .jpg, .jpeg or .bmp)", error(dir));
    }

    @Test
    void a_single_class_is_an_error() {
        TestImages.pngs(dir.resolve("cat"), 2);
        assertEquals(dir + ": only one class sub-folder ('cat'); a classifier needs at least 2 classes", error(dir));
    }

    @Test
    void a_class_whose_every_image_is_unreadable_is_an_error() {
        TestImages.pngs(dir.resolve("cat"), 2);
        TestImages.bytes(dir.resolve("dog/1.png"), new byte[0]);
        TestImages.bytes(dir.resolve("dog/2.jpg"), "text".getBytes());
        assertEquals(dir + ": class folder 'dog' has no readable images", error(dir));
    }

    private static String error(Path folder) {
        return assertThrows(DataException.class, () -> prepare(folder, 8, 8, 1)).getMessage();
    }
}
