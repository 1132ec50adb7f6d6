package dev.deepcanvas.runtime.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.compile.RandomNetworks;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch export run by PyTorch itself (Debian's python3-torch): every template and sample and
 * a set of random networks over the whole catalog import, have DeepCanvas's trainable parameter
 * count plus the documented differences (PyTorch's recurrent layers carry a second bias, counted
 * here from the layers themselves), and give the expected output shape; the iris sample trains an
 * epoch on DeepCanvas's own split and encoding.
 */
class PyTorchExportTest {

    static final Path SAMPLES = Path.of("../samples");
    static final ObjectMapper JSON = new ObjectMapper();
    static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPython() throws Exception {
        python = Python.withTorch();
    }

    static List<Path> projects() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> templates = Files.list(SAMPLES.resolve("templates"))) {
            templates.filter(p -> p.toString().endsWith(DocumentFiles.EXTENSION)).sorted().forEach(all::add);
        }
        try (Stream<Path> samples = Files.list(SAMPLES)) {
            for (Path s : samples.filter(Files::isDirectory).sorted().toList()) {
                Path project = s.resolve(s.getFileName() + DocumentFiles.EXTENSION);
                if (Files.isRegularFile(project)) {
                    all.add(project);
                }
            }
        }
        return all;
    }

    /** DeepCanvas's trainable count plus PyTorch's second recurrent bias, from the layers themselves. */
    static long expectedTrainable(NetworkDocument doc, NetworkAnalysis analysis) {
        long n = analysis.trainableParameters();
        LayerCatalog catalog = LayerCatalog.standard();
        for (String id : analysis.order()) {
            LayerNode node = doc.node(id).orElseThrow();
            Params p = Params.of(catalog.get(node.kind()), node);
            n += switch (node.kind()) {
                case "LSTM" -> 4L * p.integer("units");
                case "SimpleRNN" -> p.integer("units");
                case "Bidirectional" -> 2L * ("lstm".equals(p.choice("cell")) ? 4 : 1) * p.integer("units");
                default -> 0;
            };
        }
        return n;
    }

    /** A check job for one exported network: its inputs in PyTorch's layout, batch 2. */
    static ObjectNode checkCase(Path folder, NetworkDocument doc) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        ObjectNode c = JSON.createObjectNode();
        c.put("dir", folder.toAbsolutePath().toString());
        c.put("batch", 2);
        ArrayNode inputs = c.putArray("inputs");
        for (ExportGraph.Step in : graph.inputs()) {
            ObjectNode i = inputs.addObject();
            ArrayNode shape = i.putArray("shape");
            Shape s = in.shape();
            if (s instanceof Shape.Image img) {
                shape.add(img.channels()).add(img.height()).add(img.width());
            } else if (s instanceof Shape.Sequence q) {
                shape.add(q.timeSteps() == Shape.VARIABLE ? 7 : q.timeSteps()).add(q.features());
            } else if (s instanceof Shape.Tokens t) {
                shape.add(t.timeSteps() == Shape.VARIABLE ? 9 : t.timeSteps());
            } else {
                shape.add(s.size());
            }
            i.put("tokens", s instanceof Shape.Tokens);
            i.put("vocabulary", vocabulary(graph, in));
        }
        return c;
    }

    /** The smallest vocabulary among the Embeddings a token input feeds, so random ids stay in range. */
    private static int vocabulary(ExportGraph graph, ExportGraph.Step input) {
        return graph.steps().stream().filter(s -> s.kind().id().equals("Embedding") && s.inputs().contains(input.name()))
                .mapToInt(s -> s.params().integer("vocabulary")).min().orElse(2);
    }

    /** The output shapes forward() must give at batch 2 (variable lengths as fed: 7 steps, 9 tokens). */
    static List<List<Long>> expectedOutputs(ExportGraph graph) {
        List<List<Long>> out = new ArrayList<>();
        for (ExportGraph.Step o : graph.outputs()) {
            Shape s = o.shape();
            if (s instanceof Shape.Sequence q) {
                long steps = q.timeSteps() == Shape.VARIABLE ? (graph.inputs().get(0).shape() instanceof Shape.Tokens ? 9 : 7) : q.timeSteps();
                out.add(List.of(2L, steps, (long) q.features()));
            } else {
                out.add(List.of(2L, s.size()));
            }
        }
        return out;
    }

    static JsonNode run(ObjectNode job) throws Exception {
        Path script = Path.of("src/test/resources/export/check_pytorch.py");
        // stderr to a file: a pipe read after stdout could fill and stall a chatty run
        Path errors = Files.createTempFile("check-pytorch", ".err");
        Process p = new ProcessBuilder(python, script.toString()).redirectError(errors.toFile()).start();
        p.getOutputStream().write(job.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "python did not finish");
        assertEquals(0, p.exitValue(), "python failed:\n" + Files.readString(errors));
        return JSON.readTree(out);
    }

    @Test
    void every_template_and_sample_imports_in_pytorch_with_the_expected_parameters_and_output_shape() throws Exception {
        ObjectNode job = JSON.createObjectNode();
        ArrayNode cases = job.putArray("check");
        Map<String, Object[]> expected = new TreeMap<>();
        for (Path project : projects()) {
            NetworkDocument doc = new DocumentFiles().load(project);
            String name = project.getFileName().toString().replace(DocumentFiles.EXTENSION, "");
            Path folder = dir.resolve(name);
            new PyTorchExporter().export(doc, null, null, folder);
            ObjectNode c = checkCase(folder, doc);
            cases.add(c);
            NetworkAnalysis analysis = ShapeInference.analyse(doc);
            expected.put(c.get("dir").asText(), new Object[] {name, expectedTrainable(doc, analysis), expectedOutputs(ExportGraph.of(doc))});
        }
        // a variable-length sequence before a second input: the mask argument comes after both inputs
        var two = new DocumentBuilder("two inputs");
        String sequence = two.add("SequenceInput", "features", 3);
        two.then("LSTM", "units", 4);
        String last = two.then("LastTimeStep");
        String vector = two.add("VectorInput", "features", 2);
        two.merge("Concatenate", List.of(last, vector));
        two.then("Output", "units", 2);
        NetworkDocument twoInputs = two.build();
        Path twoFolder = dir.resolve("two-inputs");
        new PyTorchExporter().export(twoInputs, null, null, twoFolder);
        ObjectNode twoCase = checkCase(twoFolder, twoInputs);
        cases.add(twoCase);
        expected.put(twoCase.get("dir").asText(), new Object[] {"two inputs", expectedTrainable(twoInputs, ShapeInference.analyse(twoInputs)),
            expectedOutputs(ExportGraph.of(twoInputs))});
        assertTrue(sequence.startsWith("sequence_input"));

        // and the course MLP with its first layer frozen: PyTorch must count it as not trainable
        NetworkDocument frozen = new DocumentFiles().load(SAMPLES.resolve("templates/keras-mlp.deepcanvas"));
        frozen.replace(frozen.node("dense_1").orElseThrow().withFrozen(true));
        Path folder = dir.resolve("keras-mlp-frozen");
        new PyTorchExporter().export(frozen, null, null, folder);
        ObjectNode c = checkCase(folder, frozen);
        cases.add(c);
        expected.put(c.get("dir").asText(), new Object[] {"keras-mlp with dense_1 frozen", 6_154L - 1_344, expectedOutputs(ExportGraph.of(frozen))});
        assertTrue(cases.size() >= 20, "templates and samples: " + cases.size());
        JsonNode answers = run(job);
        assertEquals(cases.size(), answers.size());
        for (JsonNode a : answers) {
            Object[] e = expected.get(a.get("dir").asText());
            assertEquals((long) e[1], a.get("trainable").asLong(), e[0] + ": trainable parameters in PyTorch");
            assertEquals(e[2].toString(), JSON.convertValue(a.get("outputs"), List.class).toString(), e[0] + ": output shapes");
        }
    }

    @Test
    void random_networks_over_the_whole_catalog_export_exactly_or_name_the_layer_pytorch_cannot_express() throws Exception {
        RandomNetworks random = new RandomNetworks(Long.getLong("export.seed", 11));
        ObjectNode job = JSON.createObjectNode();
        ArrayNode cases = job.putArray("check");
        Map<String, Object[]> expected = new TreeMap<>();
        Map<String, Integer> refused = new TreeMap<>();
        int networks = Integer.getInteger("export.networks", 48);
        for (int i = 0; i < networks; i++) {
            NetworkDocument doc = random.next(i);
            Path folder = dir.resolve("random-" + i);
            try {
                new PyTorchExporter().export(doc, null, null, folder);
            } catch (ExportException e) {
                assertTrue(doc.nodes().stream().anyMatch(n -> e.getMessage().contains("'" + n.id() + "'")), "names the layer: " + e.getMessage());
                refused.merge(e.getMessage().replaceAll("'[^']*'", "…"), 1, Integer::sum);
                continue;
            }
            ObjectNode c = checkCase(folder, doc);
            cases.add(c);
            expected.put(c.get("dir").asText(), new Object[] {doc, expectedTrainable(doc, ShapeInference.analyse(doc)), expectedOutputs(ExportGraph.of(doc))});
        }
        // the one documented refusal: PyTorch's recurrent layers have fixed activations (the random networks draw any of 21)
        assertTrue(refused.keySet().stream().allMatch(m -> m.matches("Layer … \\((LSTM|SimpleRNN|Bidirectional)\\) uses activation …; PyTorch's nn\\.(LSTM|RNN) has .*")),
                "refused for another reason: " + refused);
        assertTrue(cases.size() >= networks / 2, cases.size() + " of " + networks + " exported; refused: " + refused);
        JsonNode answers = run(job);
        for (JsonNode a : answers) {
            Object[] e = expected.get(a.get("dir").asText());
            NetworkDocument doc = (NetworkDocument) e[0];
            String layers = doc.nodes().stream().map(LayerNode::kind).toList().toString();
            assertEquals((long) e[1], a.get("trainable").asLong(), doc.name() + " " + layers + ": trainable parameters");
            assertEquals(e[2].toString(), JSON.convertValue(a.get("outputs"), List.class).toString(), doc.name() + " " + layers + ": output shapes");
        }
    }

    @Test
    void the_iris_sample_trains_an_epoch_on_deepcanvas_s_split_and_encoding() throws Exception {
        Path project = SAMPLES.resolve("iris/iris.deepcanvas").toAbsolutePath();
        NetworkDocument doc = new DocumentFiles().load(project);
        PreparedData data = DataPreparer.check(doc, project).data();
        Path folder = dir.resolve("iris");
        ExportResult result = new PyTorchExporter().export(doc, data, DocumentFiles.resolveData(doc.data().orElseThrow(), project), folder);
        assertTrue(result.dataLoading(), result.notes().toString());
        assertEquals(List.of(folder.resolve(PyTorchExporter.FILE), folder.resolve(PyTorchExporter.SPLIT_FILE)), result.files());
        ObjectNode job = JSON.createObjectNode();
        job.putArray("train").addObject().put("dir", folder.toAbsolutePath().toString());
        JsonNode answer = run(job).get(0);
        assertEquals(List.of(data.train().size(), data.validation().size(), data.test().size()),
                JSON.convertValue(answer.get("sizes"), List.class), "DeepCanvas's split, row for row");
        List<Double> first = new ArrayList<>();
        answer.get("first").forEach(v -> first.add(v.asDouble()));
        int width = (int) data.train().exampleShape()[0];
        assertEquals(width, first.size());
        for (int i = 0; i < width; i++) {
            assertEquals(data.train().features()[i], first.get(i), 1e-5, "feature " + i + " of the first training example, as DeepCanvas encoded it");
        }
        int labelWidth = data.train().labelWidth();
        int firstClass = 0;
        for (int i = 1; i < labelWidth; i++) {
            firstClass = data.train().labels()[i] > data.train().labels()[firstClass] ? i : firstClass;
        }
        assertEquals(firstClass, answer.get("first_label").asInt(), "the first training example's class, in DeepCanvas's class order");
        double accuracy = answer.get("test").get("accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1 && answer.get("test").get("loss").asDouble() > 0, answer.toString());
    }

    @Test
    void the_course_mlp_reads_as_reviewed() throws Exception {
        NetworkDocument mlp = new DocumentFiles().load(SAMPLES.resolve("templates/keras-mlp.deepcanvas"));
        assertEquals(Files.readString(Path.of("src/test/resources/export/keras-mlp.pytorch.py")), new PyTorchExporter().source(mlp));
    }

    @Test
    void a_layer_pytorch_cannot_express_is_named_with_the_reason_and_what_to_change() {
        var b = new DocumentBuilder("relu lstm");
        b.add("SequenceInput", "features", 3, "timeSteps", 5);
        b.then("LSTM", "units", 4, "activation", "relu");
        b.then("LastTimeStep");
        b.then("Output", "units", 2);
        ExportException e = assertThrows(ExportException.class, () -> new PyTorchExporter().source(b.build()));
        assertEquals("Layer 'lstm_1' (LSTM) uses activation 'relu'; PyTorch's nn.LSTM has tanh only. Set the activation to tanh to export it.",
                e.getMessage());
    }
}
