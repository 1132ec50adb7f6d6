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
        assertTrue(first.denseFlopsPerSecond() > 1e7 && first.convolutionFlopsPerSecond() > 1e7 && first.recurrentFlopsPerSecond() > 1e6, first.toString());
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
        Calibration c = new Calibration("test", 0.01, 1e9, 2e9, 5e8);
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
        Calibration c = new Calibration("test", 0.01, 1e9, 2e9, 5e8);
        double oneStep = c.epochSeconds(cost, 100, 0, 10, 1) - 10 * 0.01;
        assertEquals(10 * 0.01 + 50 * oneStep, c.epochSeconds(cost, 100, 0, 10, 50), 1e-9);
    }

    @Test
    void times_read_as_people_say_them() {
        assertEquals("under 1 s", Calibration.describe(0.04));
        assertEquals("about 4 s", Calibration.describe(4.2));
        assertEquals("about 1:23", Calibration.describe(83));
        assertEquals("about 2 h 05 min", Calibration.describe(7500));
    }
}
