package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertEquals("", r.err());
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
