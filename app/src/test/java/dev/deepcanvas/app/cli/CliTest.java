package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.summary.EpochExamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    static final Path MLP = Path.of("../samples/templates/keras-mlp.deepcanvas");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = DeepCanvasCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void summary_prints_a_keras_like_table_with_totals() {
        Result r = run("summary", MLP.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().matches("(Measuring this machine's training speed once \\(a few seconds\\)\\.\\.\\.\n)?"), "at most the note of the one calibration: " + r.err());
        String[] lines = r.out().split("\n");
        assertEquals("Model: \"Keras example MLP\"", lines[0]);
        assertTrue(lines[2].matches("Layer \\(id\\) +Kind +Output shape +Param # +Connected to"), lines[2]);
        assertTrue(r.out().contains("\ndense_1         Dense        64              1,344  vector_input_1\n"), r.out());
        assertTrue(r.out().contains("Total params: 6,154\nTrainable params: 6,154\nNon-trainable params: 0\n"), r.out());
        // 2 FLOPs per parameter: 2 × 6,154; the two dropouts one per value: 64 + 64 (softmax is not counted)
        assertTrue(r.out().contains("Cost per example: 12.4 kFLOPs forward, 37.3 kFLOPs to train\n"), r.out());
        assertTrue(r.out().contains("Memory to train at batch 32: "), r.out());
    }

    @Test
    void summary_gives_the_time_per_epoch_on_this_machine_for_1000_examples_or_the_project_s_own_data() throws Exception {
        Result r = run("summary", "--json", MLP.toString());
        assertEquals(0, r.code(), r.err());
        Calibration machine = Calibration.known(AppHome.folder()).orElseThrow(() -> new AssertionError("summary measured and remembered the machine"));
        NetworkDocument mlp = new DocumentFiles().load(MLP);
        DesignCost cost = DesignCost.of(mlp, ShapeInference.analyse(mlp));
        JsonNode time = new ObjectMapper().readTree(r.out()).get("cost").get("epochEstimate");
        assertEquals(machine.epochSeconds(cost, EpochExamples.nominal(), 32), time.get("seconds").asDouble(), 1e-12);
        assertEquals(1_000, time.get("trainingExamples").asLong());
        assertTrue(!time.get("fromProjectData").asBoolean());
        Result text = run("summary", MLP.toString());
        assertTrue(text.out().endsWith("\nTime per epoch on this machine: " + Calibration.describe(time.get("seconds").asDouble())
                + "\n  for 1,000 training examples at batch 32\n"), text.out());

        Path iris = Path.of("../samples/iris/iris.deepcanvas");
        Result own = run("summary", "--data", "--json", iris.toString());
        assertEquals(0, own.code(), own.err());
        JsonNode ownTime = new ObjectMapper().readTree(own.out()).get("cost").get("epochEstimate");
        NetworkDocument irisDoc = new DocumentFiles().load(iris);
        var data = DataPreparer.check(irisDoc, iris.toAbsolutePath()).data();
        assertEquals(data.train().size(), ownTime.get("trainingExamples").asLong(), "the iris sample's own training split");
        assertEquals(data.validation().size(), ownTime.get("validationExamples").asLong());
        assertTrue(ownTime.get("fromProjectData").asBoolean());
        Result ownText = run("summary", "--data", iris.toString());
        assertTrue(ownText.out().endsWith(String.format("\n  for %d training and %d validation examples at batch 16\n", data.train().size(),
                data.validation().size())), ownText.out());

        Result none = run("summary", "--no-time", MLP.toString());
        assertTrue(!none.out().contains("Time per epoch"), none.out());
    }

    @Test
    void export_writes_pytorch_code_with_the_project_s_data_loading_and_refuses_what_it_cannot() throws Exception {
        Result r = run("export", "../samples/iris/iris.deepcanvas", "--to", "pytorch", "-o", dir.resolve("iris-torch").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Exported \"Iris species (MLP)\" as PyTorch (403 trainable parameters in PyTorch):\n  " + dir.resolve("iris-torch/model.py")
                + "\n  " + dir.resolve("iris-torch/split.json") + "\n", r.out());
        assertTrue(Files.readString(dir.resolve("iris-torch/model.py")).contains("def load_splits():"));

        Result json = run("export", "../samples/iris/iris.deepcanvas", "--to", "java", "-o", dir.resolve("iris-java").toString(), "--json");
        assertEquals(0, json.code(), json.err());
        JsonNode answer = new ObjectMapper().readTree(json.out());
        assertEquals("java", answer.get("framework").asText());
        assertEquals(dir.resolve("iris-java/src/main/java/Main.java").toString(), answer.get("files").get(1).asText());
        assertEquals(403, answer.get("trainableParams").asLong());
        assertTrue(!answer.get("dataLoading").asBoolean());

        Result keras = run("export", MLP.toString(), "--to", "tensorflow", "-o", dir.resolve("x").toString());
        assertEquals(3, keras.code());
        assertEquals("deepcanvas: --to tensorflow: not a framework DeepCanvas exports to; choose one of: pytorch, keras, java.\n", keras.err());

        Path relu = dir.resolve("relu.deepcanvas");
        var b = new DocumentBuilder("relu lstm");
        b.add("SequenceInput", "features", 3, "timeSteps", 5);
        b.then("LSTM", "units", 4, "activation", "relu");
        b.then("LastTimeStep");
        b.then("Output", "units", 2);
        new DocumentFiles().save(b.build(), relu);
        Result refused = run("export", relu.toString(), "--to", "pytorch", "-o", dir.resolve("y").toString());
        assertEquals(2, refused.code(), refused.out());
        assertEquals("deepcanvas: cannot export to PyTorch: Layer 'lstm_1' (LSTM) uses activation 'relu'; PyTorch's nn.LSTM has tanh only."
                + " Set the activation to tanh to export it.\n", refused.err());
    }

    @Test
    void train_from_a_trained_model_keeps_the_matching_layers_weights_and_names_a_missing_model() throws Exception {
        Path first = dir.resolve("first.dcmodel");
        Result trained = run("train", "../samples/iris/iris.deepcanvas", "--epochs", "1", "--out", first.toString());
        assertEquals(0, trained.code(), trained.err());
        Result tuned = run("train", "../samples/iris/iris.deepcanvas", "--epochs", "1", "--from", first.toString(), "--out",
                dir.resolve("second.dcmodel").toString());
        assertEquals(0, tuned.code(), tuned.err());
        assertTrue(tuned.out().contains("\nStarting from first.dcmodel: kept dense_1, dense_2, output_1.\n"), tuned.out());
        Result missing = run("train", "../samples/iris/iris.deepcanvas", "--from", dir.resolve("nope.dcmodel").toString());
        assertEquals(1, missing.code());
        assertEquals("deepcanvas: " + dir.resolve("nope.dcmodel") + ": no such file\n", missing.err());
    }

    @Test
    void summary_json_has_every_layer_and_the_totals() throws Exception {
        Result r = run("summary", "--json", MLP.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(6_154, json.get("totalParams").asLong());
        assertEquals(6, json.get("layers").size());
        assertEquals("64", json.get("layers").get(1).get("outputShape").asText());
        assertEquals(1_344, json.get("layers").get(1).get("params").asLong());
        assertEquals("vector_input_1", json.get("layers").get(1).get("inputs").get(0).asText());
    }

    @Test
    void an_invalid_document_prints_diagnostics_on_stderr_and_exits_2() throws Exception {
        Path file = dir.resolve("bad.deepcanvas");
        Files.writeString(file, Files.readString(MLP).replace("\"features\" : 20", "\"features\" : 0"));
        Result summary = run("summary", file.toString());
        assertEquals(2, summary.code());
        assertEquals("", summary.out());
        assertEquals("error: vector_input_1: features must be between 1 and 1,000,000, not 0. Fix: Set features within the allowed range.\n", summary.err());

        Result validate = run("validate", "--json", file.toString());
        assertEquals(2, validate.code());
        JsonNode json = new ObjectMapper().readTree(validate.out());
        assertEquals(false, json.get("valid").asBoolean());
        assertEquals("vector_input_1", json.get("diagnostics").get(0).get("layer").asText());
        assertEquals("error", json.get("diagnostics").get(0).get("severity").asText());
    }

    @Test
    void validate_reports_a_valid_document_in_one_line() {
        Result r = run("validate", MLP.toString());
        assertEquals(0, r.code());
        assertEquals("keras-mlp.deepcanvas: valid, 6 layers, 6,154 parameters\n", r.out());
    }

    @Test
    void a_malformed_file_is_one_clear_line_and_exit_2() throws Exception {
        Path file = dir.resolve("broken.deepcanvas");
        Files.writeString(file, "{\"formatVersion\": 1, \"name\": \"x\", \"layers\": [ }");
        Result r = run("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("deepcanvas: broken.deepcanvas: Not valid JSON at line 1, column"), r.err());
        assertEquals(1, r.err().lines().count(), "no stack trace");
    }

    @Test
    void a_missing_file_exits_1() {
        Result r = run("summary", dir.resolve("nope.deepcanvas").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().endsWith("nope.deepcanvas: no such file\n"), r.err());
    }

    @Test
    void help_and_version_work_and_unknown_options_are_usage_errors() {
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("summary") && help.out().contains("validate"), help.out());
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("DeepCanvas "), version.out());
        Result bad = run("summary", "--frobnicate", MLP.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().startsWith("deepcanvas: Unknown option: '--frobnicate'"), bad.err());
    }
}
