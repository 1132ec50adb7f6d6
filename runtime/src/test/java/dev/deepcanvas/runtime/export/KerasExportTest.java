package dev.deepcanvas.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepcanvas.runtime.compile.RandomNetworks;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras export. TensorFlow cannot be installed here, so the code is not run: every template,
 * sample and random network's export is byte-compiled by Python, and the course's MLP and the Keras
 * MNIST convnet are compared with reviewed files.
 */
class KerasExportTest {

    static final Path SAMPLES = PyTorchExportTest.SAMPLES;
    static final Path EXPECTED = Path.of("src/test/resources/export");

    @TempDir
    Path dir;

    /** Byte-compiles the files with python3 -m py_compile; fails with Python's message. */
    static void compiles(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
        files.forEach(f -> command.add(f.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void the_course_mlp_is_a_sequential_model_as_the_course_writes_it_and_the_convnet_too() throws Exception {
        for (String name : List.of("keras-mlp", "keras-mnist-convnet")) {
            NetworkDocument doc = new DocumentFiles().load(SAMPLES.resolve("templates/" + name + DocumentFiles.EXTENSION));
            assertEquals(Files.readString(EXPECTED.resolve(name + ".keras.py")), new KerasExporter().source(doc), name);
        }
    }

    @Test
    void every_template_and_sample_exports_to_code_python_compiles() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path project : PyTorchExportTest.projects()) {
            NetworkDocument doc = new DocumentFiles().load(project);
            Path folder = dir.resolve(project.getFileName().toString());
            PreparedForExport prepared = PreparedForExport.of(doc, project);
            ExportResult r = new KerasExporter().export(doc, prepared.data(), prepared.file(), folder);
            assertEquals(ShapeInference.analyse(doc).trainableParameters(), r.trainable(), project + ": Keras counts as DeepCanvas does");
            files.add(folder.resolve(KerasExporter.FILE));
        }
        assertTrue(files.size() >= 19);
        compiles(files);
    }

    @Test
    void random_networks_over_the_whole_catalog_export_or_name_the_layer_keras_cannot_express() throws Exception {
        RandomNetworks random = new RandomNetworks(Long.getLong("export.seed", 11));
        List<Path> files = new ArrayList<>();
        Map<String, Integer> refused = new TreeMap<>();
        int networks = Integer.getInteger("export.networks", 48);
        for (int i = 0; i < networks; i++) {
            NetworkDocument doc = random.next(i);
            Path folder = dir.resolve("random-" + i);
            try {
                new KerasExporter().export(doc, null, null, folder);
                files.add(folder.resolve(KerasExporter.FILE));
            } catch (ExportException e) {
                assertTrue(doc.nodes().stream().anyMatch(n -> e.getMessage().contains("'" + n.id() + "'")), "names the layer: " + e.getMessage());
                refused.merge(e.getMessage().replaceAll("'[^']*'", "…"), 1, Integer::sum);
            }
        }
        assertTrue(files.size() >= networks * 3 / 4, files.size() + " of " + networks + " exported; refused: " + refused);
        compiles(files);
    }

    @Test
    void a_frozen_layer_is_not_trainable_in_keras() throws Exception {
        NetworkDocument doc = new DocumentFiles().load(SAMPLES.resolve("templates/keras-mlp.deepcanvas"));
        doc.replace(doc.node("dense_1").orElseThrow().withFrozen(true));
        assertTrue(new KerasExporter().source(doc).contains("model.add(layers.Dense(64, activation=\"relu\", name=\"dense_1\", trainable=False))"));
    }

    @Test
    void the_iris_export_reads_deepcanvas_s_split_and_encoding_with_one_hot_labels() throws Exception {
        Path project = SAMPLES.resolve("iris/iris.deepcanvas").toAbsolutePath();
        NetworkDocument doc = new DocumentFiles().load(project);
        PreparedData data = DataPreparer.check(doc, project).data();
        Path folder = dir.resolve("iris");
        ExportResult r = new KerasExporter().export(doc, data, DocumentFiles.resolveData(doc.data().orElseThrow(), project), folder);
        assertTrue(r.dataLoading());
        compiles(List.of(folder.resolve(KerasExporter.FILE)));
        // the data part runs without TensorFlow (check_keras_data.py stands in for it); the model is not built
        Process p = new ProcessBuilder(Python.withTorch(), "src/test/resources/export/check_keras_data.py", folder.toAbsolutePath().toString())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), err);
        var answer = new ObjectMapper().readTree(out);
        assertEquals(List.of(data.train().size(), data.validation().size(), data.test().size()),
                new ObjectMapper().convertValue(answer.get("sizes"), List.class));
        int width = (int) data.train().exampleShape()[0];
        for (int i = 0; i < width; i++) {
            assertEquals(data.train().features()[i], answer.get("first").get(i).asDouble(), 1e-5, "feature " + i);
        }
        for (int c = 0; c < data.train().labelWidth(); c++) {
            assertEquals(data.train().labels()[c], answer.get("first_label").get(c).asDouble(), 0.0, "one-hot label " + c);
        }
    }

    @Test
    void what_keras_cannot_express_is_named_with_the_fix() {
        var b = new DocumentBuilder("rrelu");
        b.add("VectorInput", "features", 3);
        b.then("Dense", "units", 4, "activation", "randomized_relu");
        b.then("Output", "units", 2);
        ExportException e = assertThrows(ExportException.class, () -> new KerasExporter().source(b.build()));
        assertEquals("Layer 'dense_1' (Dense) uses activation 'randomized_relu', which Keras does not have (it draws a random slope while"
                + " training). Choose another activation to export it.", e.getMessage());
    }

    /** A project's prepared data and data file, or nulls when it has none. */
    record PreparedForExport(PreparedData data, Path file) {
        static PreparedForExport of(NetworkDocument doc, Path project) throws Exception {
            if (doc.data().isEmpty()) {
                return new PreparedForExport(null, null);
            }
            var data = DataPreparer.check(doc, project.toAbsolutePath()).data();
            return new PreparedForExport(data, data == null ? null : DocumentFiles.resolveData(doc.data().get(), project.toAbsolutePath()));
        }
    }
}
