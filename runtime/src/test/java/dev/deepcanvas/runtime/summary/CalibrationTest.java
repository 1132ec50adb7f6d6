package dev.deepcanvas.runtime.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compute.ComputeBackend;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @TempDir
    Path home;

    @Test
    void the_machine_is_measured_once_and_remembered_for_its_backend() throws Exception {
        Calibration first = Calibration.remembered(home);
        assertTrue(first.secondsPerStep() > 0 && first.secondsPerStep() < 1, "a tiny step: " + first.secondsPerStep());
        assertTrue(first.denseFlopsPerSecond() > 1e7 && first.convolutionFlopsPerSecond() > 1e7 && first.recurrentFlopsPerSecond() > 1e6
                && first.graphFlopsPerSecond() > 1e6, first.toString());
        assertTrue(first.secondsPerLoopStep() > 0 && first.secondsPerLoopStep() < first.secondsPerStep() * 10, "a time step of a loop: " + first);
        assertEquals(ComputeBackend.current().describe() + "; " + ComputeThreads.policy() + "; method " + Calibration.METHOD, first.backend(),
                "belongs to the backend, the thread rule and the way of measuring");
        assertTrue(Files.isRegularFile(home.resolve(Calibration.FILE)));
        assertEquals(first, Calibration.remembered(home), "read back, not measured again");

        Files.writeString(home.resolve(Calibration.FILE), "{ not json");
        assertTrue(Calibration.known(home).isEmpty(), "a damaged file is ignored (and measured again)");
    }

    @Test
    void an_epoch_is_its_steps_fixed_cost_plus_each_family_s_flops_at_its_rate() {
        var b = new DocumentBuilder("mixed");
        b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        b.then("Conv2D", "filters", 4, "kernel", 3);
        b.then("Flatten");
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        DesignCost cost = DesignCost.of(doc, ShapeInference.analyse(doc));
        Calibration c = new Calibration("test", 0.01, 0.001, 1e9, 2e9, 5e8, 1e8);
        long conv = cost.convolutionFlops();
        long rest = cost.forwardFlops() - conv;
        // 1,000 examples at batch 100: 10 steps of 10 ms, and 3 × the forward FLOPs at each family's
        // rate; then one forward pass over the 500 examples the training accuracy is measured on
        double forward = conv / 2e9 + rest / 1e9;
        assertEquals(10 * 0.01 + 1000 * 3.0 * forward + 500 * forward, c.epochSeconds(cost, 1000, 100), 1e-9);
        // and over 200 validation examples
        assertEquals(10 * 0.01 + 1000 * 3.0 * forward + 700 * forward, c.epochSeconds(cost, 1000, 200, 100), 1e-9);
        assertTrue(conv > 0 && rest > 0);
    }

    @Test
    void a_design_of_open_length_costs_its_per_step_work_times_the_steps() {
        var b = new DocumentBuilder("open length");
        b.add("SequenceInput", "features", 8);
        b.then("LSTM", "units", 16);
        b.then("LastTimeStep");
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        DesignCost cost = DesignCost.of(doc, ShapeInference.analyse(doc));
        assertTrue(cost.perStep());
        Calibration c = new Calibration("test", 0.01, 0.001, 1e9, 2e9, 5e8, 1e8);
        double oneStep = c.epochSeconds(cost, 100, 0, 10, 1) - 10 * 0.01;
        assertEquals(10 * 0.01 + 50 * oneStep, c.epochSeconds(cost, 100, 0, 10, 50), 1e-9);
    }

    @Test
    void a_recurrent_loop_costs_each_of_its_time_steps_and_attention_runs_at_the_graph_rate() {
        var b = new DocumentBuilder("loops");
        b.add("SequenceInput", "features", 8, "timeSteps", 20);
        b.then("Bidirectional", "cell", "lstm", "units", 8, "merge", "concat");
        b.then("LSTM", "units", 8);
        b.then("SelfAttention", "heads", 2, "headSize", 4, "units", 8);
        b.then("GlobalPooling");
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        DesignCost cost = DesignCost.of(doc, ShapeInference.analyse(doc));
        assertEquals(3 * 20, cost.timeLoopSteps(), "two loops of the Bidirectional and one of the LSTM, 20 steps each");
        assertTrue(cost.graphFlops() > 0 && cost.recurrentFlops() > 0);
        Calibration c = new Calibration("test", 0.01, 0.001, 1e9, 2e9, 5e8, 1e8);
        double loops = 60 * 0.001;
        long dense = cost.forwardFlops() - cost.recurrentFlops() - cost.graphFlops() - cost.convolutionFlops();
        double forward = cost.recurrentFlops() / 5e8 + cost.graphFlops() / 1e8 + dense / 1e9 + cost.convolutionFlops() / 2e9;
        // 100 examples at batch 10: 10 steps, each with its loops; scoring the 100 examples (10 batches) a third of the loops
        assertEquals(10 * (0.01 + loops) + 100 * 3 * forward + 100 * forward + 10 * loops / 3, c.epochSeconds(cost, 100, 0, 10, 1), 1e-9);
    }

    @Test
    void the_summary_states_the_time_per_epoch_for_the_project_s_data_or_per_thousand_examples() {
        var b = new DocumentBuilder("mlp");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64);
        b.then("Output", "units", 10);
        NetworkDocument doc = b.build();
        Calibration c = new Calibration("test", 0.01, 0.001, 1e9, 2e9, 5e8, 1e8);
        DesignCost cost = DesignCost.of(doc, ShapeInference.analyse(doc));

        NetworkSummary plain = NetworkSummary.of(doc);
        assertTrue(plain.epochSeconds().isEmpty() && !plain.toText().contains("Time per epoch"), "no calibration, no time");
        assertTrue(plain.toJson().get("cost").get("epochEstimate") == null);

        NetworkSummary nominal = NetworkSummary.of(doc).withTime(c, EpochExamples.nominal());
        double perThousand = c.epochSeconds(cost, 1_000, 0, 32, 1);
        assertEquals(perThousand, nominal.epochSeconds().orElseThrow(), 1e-12);
        assertTrue(nominal.toText().endsWith("Time per epoch on this machine: " + Calibration.describe(perThousand) + "\n  for 1,000 training examples at batch 32\n"),
                nominal.toText());

        NetworkSummary project = NetworkSummary.of(doc).withTime(c, new EpochExamples(12_000, 3_000, 1, true));
        double epoch = c.epochSeconds(cost, 12_000, 3_000, 32, 1);
        assertTrue(project.toText().endsWith("Time per epoch on this machine: " + Calibration.describe(epoch)
                + "\n  for 12,000 training and 3,000 validation examples at batch 32\n"), project.toText());
        var json = project.toJson().get("cost").get("epochEstimate");
        assertEquals(epoch, json.get("seconds").asDouble(), 1e-12);
        assertEquals(12_000, json.get("trainingExamples").asLong());
        assertEquals(3_000, json.get("validationExamples").asLong());
        assertTrue(json.get("fromProjectData").asBoolean());
        assertEquals("test", json.get("backend").asText());
    }

    @Test
    void times_read_as_people_say_them() {
        assertEquals("under 1 s", Calibration.describe(0.04));
        assertEquals("about 4 s", Calibration.describe(4.2));
        assertEquals("about 1:23", Calibration.describe(83));
        assertEquals("about 2 h 05 min", Calibration.describe(7500));
    }
}
