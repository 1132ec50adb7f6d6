package dev.deepcanvas.designer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.train.EpochMetrics;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training views' logic without a window: naming runs, buffering events, the redraw budget, and refusals. */
class TrainingLogicTest {

    @TempDir
    Path dir;

    private static NetworkDocument iris() throws Exception {
        return new DocumentFiles().load(Path.of("../samples/iris/iris.deepcanvas"));
    }

    @Test
    void the_first_run_is_named_by_its_settings_and_later_ones_by_what_changed() throws Exception {
        NetworkDocument first = iris();
        assertEquals("Run 1: adam lr 0.01, batch 16", RunDescription.of(1, first, null));
        NetworkDocument second = iris();
        second.setTraining(second.training().toBuilder().optimizer(Optimizer.ADAM, 0.001).build());
        assertEquals("Run 2: lr 0.01 → 0.001", RunDescription.of(2, second, first));
        NetworkDocument third = iris();
        third.replace(third.node("dense_1").orElseThrow().withParam("units", 32));
        assertEquals("Run 3: layers Dense 32, Dense 16, Output 3", RunDescription.of(3, third, first));
        assertEquals("Run 4: same settings", RunDescription.of(4, iris(), first));
    }

    @Test
    void events_from_the_trainer_thread_reach_the_charts_only_when_flushed() throws Exception {
        RunSeries series = new RunSeries(1, "Run 1", true);
        LiveMetrics live = new LiveMetrics(series);
        live.expectEpochs(2);
        Thread trainer = new Thread(() -> {
            for (int b = 1; b <= 4; b++) {
                live.accept(new TrainingEvent.BatchEnded(1, b, 4, 1.0 / b, 500));
            }
            live.accept(new TrainingEvent.EpochEnded(1, 2, EpochMetrics.classification(0.4, 0.8), EpochMetrics.classification(0.5, 0.7),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), true, 0.01));
        });
        trainer.start();
        trainer.join();
        assertEquals(0, series.batchLoss().getDataCount(), "nothing is drawn until the window asks");
        assertTrue(live.flush());
        assertEquals(4, series.batchLoss().getDataCount());
        assertEquals(4, series.smoothedLoss().getDataCount());
        assertEquals(1.0, series.batchLoss().get(0, 3), 1e-9, "batch 4 of 4 in epoch 1 ends at epoch 1.0");
        assertEquals(0.25, series.batchLoss().get(1, 3), 1e-9);
        assertEquals(1, series.validationMetric().getDataCount());
        assertEquals(0.7, series.validationMetric().get(1, 0), 1e-9);
        assertFalse(live.flush(), "a second flush has nothing new");
        Progress p = live.progress();
        assertEquals(0.5, p.fraction(), 1e-9);
        assertTrue(p.text().startsWith("Epoch 1/2 · batch 4/4 · ETA 0:01"), p.text());
    }

    @Test
    void before_the_first_epoch_ends_the_time_left_comes_from_the_estimate_then_from_the_measurement() {
        LiveMetrics live = new LiveMetrics(new RunSeries(1, "Run 1", true));
        live.expectEpochs(3);
        live.accept(new TrainingEvent.BatchEnded(1, 1, 4, 0.9, 500));
        assertTrue(live.progress().text().startsWith("Epoch 1/3 · batch 1/4 · 500 samples/s"), "no estimate, no ETA: " + live.progress().text());
        live.expectEpochSeconds(20);
        live.accept(new TrainingEvent.BatchEnded(1, 2, 4, 0.8, 500));
        // 3 epochs of ~20 s, one sixth done: ~50 s left
        assertEquals("Epoch 1/3 · batch 2/4 · ETA ~0:50 (estimate) · 500 samples/s", live.progress().text());
        live.accept(new TrainingEvent.EpochEnded(1, 3, EpochMetrics.classification(0.4, 0.8), null, Duration.ofSeconds(12),
                Duration.ofSeconds(24), true, 0.01));
        live.accept(new TrainingEvent.BatchEnded(2, 1, 4, 0.7, 500));
        assertEquals("Epoch 2/3 · batch 1/4 · ETA 0:24 · 500 samples/s", live.progress().text(), "measured from the first epoch on");
    }

    @Test
    void the_redraw_interval_grows_when_the_window_costs_too_much_and_shrinks_back() {
        RedrawBudget budget = new RedrawBudget(0.01, 2);
        long second = 1_000_000_000L;
        long slower = budget.update(second, 200_000_000L); // 10 % of two cores: ten times the budget
        assertTrue(slower > RedrawBudget.MIN_INTERVAL_NANOS);
        for (int i = 0; i < 10; i++) {
            budget.update(second, 200_000_000L);
        }
        assertEquals(RedrawBudget.MAX_INTERVAL_NANOS, budget.interval(), "never slower than once a second");
        for (int i = 0; i < 40; i++) {
            budget.update(second, 1_000_000L);
        }
        assertEquals(RedrawBudget.MIN_INTERVAL_NANOS, budget.interval(), "never faster than 30 per second");
    }

    @Test
    void training_without_data_says_where_to_bind_it_in_the_problems_panel() {
        DesignerModel model = DesignerModel.standard();
        TrainingController c = new TrainingController(model, Background.sameThread(), () -> dir.resolve("x.deepcanvas"));
        c.train();
        assertEquals(TrainingController.State.IDLE, c.state());
        assertEquals(1, model.dataProblems().size());
        assertTrue(model.dataProblems().get(0).hint().contains("Data tab"));
        assertTrue(c.runs().isEmpty());
    }

    @Test
    void a_mismatch_between_data_and_network_goes_to_the_problems_panel_with_a_fix_and_an_edit_clears_it() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../samples/iris/data/iris.csv"), dir.resolve("data/iris.csv"));
        NetworkDocument doc = iris();
        doc.replace(doc.node("output_1").orElseThrow().withParam("units", 2));
        Path project = dir.resolve("iris.deepcanvas");
        new DocumentFiles().save(doc, project);
        DesignerModel model = DesignerModel.standard();
        model.load(new DocumentFiles().load(project), project, false);
        TrainingController c = new TrainingController(model, Background.sameThread(), () -> project);
        c.train();
        assertEquals(TrainingController.State.IDLE, c.state());
        Diagnostic d = model.dataProblems().stream().filter(x -> x.fix() != null).findFirst().orElseThrow();
        assertEquals("output_1", d.nodeId());
        assertEquals(Map.of("units", 3L), Map.of("units", ((Number) d.fix().get("units")).longValue()));
        assertTrue(c.outcomeProperty().get().contains("Problems panel"));
        model.applyFix(d);
        assertTrue(model.dataProblems().isEmpty(), "problems found for an older revision are dropped");
        assertEquals(3, ((Number) model.document().node("output_1").orElseThrow().params().get("units")).intValue());
        assertNull(c.resultProperty().get());
    }
}
