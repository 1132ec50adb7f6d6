package dev.deepcanvas.runtime.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.project.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {

    @TempDir
    Path dir;

    @Test
    void an_image_model_predicts_the_same_from_a_file_after_save_and_load() throws Exception {
        var b = new DocumentBuilder("digits");
        b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        b.then("Conv2D", "filters", 4, "kernel", 3, "padding", "same");
        b.then("GlobalPooling");
        b.then("Output", "units", 10);
        NetworkDocument doc = b.build();
        Path images = Path.of("src/test/resources/data/digits_8x8").toAbsolutePath();
        doc.setData(DataBinding.images(images.toString()));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.01).epochs(2).batchSize(8).build());
        Path project = dir.resolve("digits.deepcanvas");
        new DocumentFiles().save(doc, project);
        TrainingRun run = TrainingRun.prepare(doc, project);
        run.trainer().run();
        Path saved = dir.resolve("digits.dcmodel");
        run.bundle(run.evaluate()).save(saved);

        ModelBundle loaded = ModelBundle.load(saved);
        assertEquals(doc, loaded.document());
        Path someImage;
        try (Stream<Path> files = Files.walk(images.resolve("3"))) {
            someImage = files.filter(p -> p.toString().endsWith(".png")).findFirst().orElseThrow();
        }
        float[] features = ((ImageEncoding) loaded.encoding()).encode(someImage);
        Prediction before = run.bundle(null).predict(features);
        Prediction after = loaded.predict(features);
        assertArrayEquals(before.probabilities(), after.probabilities(), 1e-7);
        assertEquals(before.label(), after.label());
    }

    @Test
    void a_file_that_is_not_a_model_is_refused_in_plain_words() throws Exception {
        Path fake = dir.resolve("fake.dcmodel");
        Files.writeString(fake, "not a zip");
        var e = assertThrows(BundleFormatException.class, () -> ModelBundle.load(fake));
        assertEquals("fake.dcmodel is not a DeepCanvas model file (not a zip archive).", e.getMessage());
    }

    @Test
    void a_damaged_network_inside_a_bundle_is_refused_in_plain_words() throws Exception {
        Path damaged = dir.resolve("damaged.dcmodel");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(damaged))) {
            for (String name : java.util.List.of("manifest.json", "network.deepcanvas", "encoding.json", "metrics.json", "model.dl4j.zip")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                String content = switch (name) {
                    case "manifest.json" -> "{\"bundleVersion\":1,\"task\":\"classification\",\"target\":\"y\",\"classes\":[\"a\",\"b\"]}";
                    case "network.deepcanvas" -> "{\"formatVersion\":1,\"name\":\"n\"}";
                    case "encoding.json" -> "{\"type\":\"images\",\"height\":8,\"width\":8,\"channels\":1}";
                    case "metrics.json" -> "{}";
                    default -> "not a DL4J model";
                };
                zip.write(content.getBytes());
                zip.closeEntry();
            }
        }
        var e = assertThrows(BundleFormatException.class, () -> ModelBundle.load(damaged));
        assertTrue(e.getMessage().startsWith("damaged.dcmodel is damaged: its network cannot be read"), e.getMessage());
    }

    @Test
    void an_incomplete_bundle_names_what_it_lacks() throws Exception {
        Path partial = dir.resolve("partial.dcmodel");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(partial))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            zip.write("{}".getBytes());
            zip.closeEntry();
        }
        var e = assertThrows(BundleFormatException.class, () -> ModelBundle.load(partial));
        assertTrue(e.getMessage().startsWith("partial.dcmodel is not a complete DeepCanvas model: it lacks "), e.getMessage());
    }
}
