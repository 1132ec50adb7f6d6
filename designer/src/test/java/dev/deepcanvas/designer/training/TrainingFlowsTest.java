package dev.deepcanvas.designer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.testing.TestServices;
import dev.deepcanvas.designer.ui.SeriesChart;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.toy.ToyDataset;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.evaluate.ExamplePrediction;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.summary.EpochExamples;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Training from the window, as a student would: the iris sample trains live (both charts get
 * points), Stop ends the run within a second, the evaluation shows the confusion matrix of the
 * test split, and Try It answers with probabilities; a generated 2-D set, after the problems
 * panel's one-click fixes, draws its decision regions. Screenshots go to target/screenshots/.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingFlowsTest {

    @TempDir
    Path home;
    @TempDir
    Path work;
    private final TestServices.ScriptedFiles files = new TestServices.ScriptedFiles();
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        window = new DesignerWindow(stage, TestServices.threaded(home, files));
        window.show();
    }

    private TrainingController controller() {
        return window.training().controller();
    }

    private static void waitUntil(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Scene scene = window.stage().getScene();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        File out = new File("target/screenshots/" + name + ".png");
        Files.createDirectories(out.toPath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        assertTrue(out.length() > 10_000, name + " looks empty");
    }

    private Path copyIris() throws Exception {
        return copySample("iris", "iris.csv");
    }

    /** A CSV sample project and its data, copied to the test's folder; the copy's project file. */
    private Path copySample(String name, String csv) throws Exception {
        Path from = Path.of("../samples", name);
        Files.createDirectories(work.resolve("data"));
        Files.copy(from.resolve(name + ".deepcanvas"), work.resolve(name + ".deepcanvas"));
        Files.copy(from.resolve("data").resolve(csv), work.resolve("data").resolve(csv));
        return work.resolve(name + ".deepcanvas");
    }

    @Test
    void iris_trains_live_stops_quickly_and_is_evaluated_and_tried(FxRobot robot) throws Exception {
        Path project = copyIris();
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("training-tab"));
        robot.clickOn("#training-epochs").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write("5000")
                .push(javafx.scene.input.KeyCode.ENTER);
        assertEquals(5000, window.model().document().training().epochs(), "the epochs field sets the document");

        robot.clickOn("#training-train");
        waitUntil(60, () -> !controller().runs().isEmpty() && controller().runs().get(0).trainMetric().getDataCount() >= 5);
        RunSeries run = controller().runs().get(0);
        assertTrue(run.batchLoss().getDataCount() > 0, "loss per batch is drawn");
        assertTrue(run.trainLoss().getDataCount() > 0, "loss per epoch is drawn");
        assertTrue(run.validationMetric().getDataCount() > 0, "validation accuracy is drawn");
        assertEquals(TrainingController.State.RUNNING, controller().state());
        assertTrue(controller().flushes() > 0);
        robot.interact(() -> window.model().reveal("dense_1"));
        waitUntil(10, () -> window.canvas().activityOf("dense_1") != null);
        waitUntil(10, () -> window.training().histograms().showsHistograms());
        shoot("training-dashboard-mid-run");

        robot.clickOn("#training-pause");
        assertEquals(TrainingController.State.PAUSED, controller().state());
        // the batch in progress ends and the last redraw comes (at most a second apart), then nothing moves
        Thread.sleep(1500);
        WaitForAsyncUtils.waitForFxEvents();
        int pausedAt = run.batchLoss().getDataCount();
        Thread.sleep(1200);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pausedAt, run.batchLoss().getDataCount(), "paused: no new batches");
        zoomInAndBack(robot);
        robot.clickOn("#training-resume");
        waitUntil(10, () -> run.batchLoss().getDataCount() > pausedAt);

        robot.interact(() -> window.showTab("canvas-tab"));
        robot.interact(() -> window.canvas().fitToView());
        shoot("training-canvas-live");
        robot.interact(() -> {
            window.fire("presentation");
            window.showTab("training-tab");
        });
        shoot("training-presentation");
        robot.interact(() -> window.fire("presentation"));

        robot.clickOn("#training-stop");
        waitUntil(5, () -> controller().lastStopMillis() >= 0);
        long stopMillis = controller().lastStopMillis();
        assertTrue(stopMillis < 1000, "Stop took " + stopMillis + " ms");

        waitUntil(30, () -> controller().resultProperty().get() != null && controller().state() == TrainingController.State.IDLE);
        String line = robot.lookup("#training-progress-text").queryLabeled().getText();
        assertTrue(line.matches("Stopped after [0-9]+ epochs? \\([0-9:]+\\)\\. Estimated (under 1 s|about [0-9:]+( s)?) per epoch, measured [0-9.]+ s\\."), line);
        RunResult result = controller().resultProperty().get();
        ClassificationReport report = (ClassificationReport) result.report();
        robot.interact(() -> window.showTab("evaluation-tab"));
        long[][] shown = window.training().evaluation().matrix().counts();
        assertEquals(3, shown.length);
        long sum = 0;
        for (long[] row : shown) {
            assertEquals(3, row.length);
            for (long c : row) {
                sum += c;
            }
        }
        assertEquals(result.data().test().size(), sum, "the matrix covers the whole test split");
        assertEquals(List.of("setosa", "versicolor", "virginica"), report.classes());
        robot.clickOn("#cm-0-0");
        assertFalse(window.training().evaluation().samples().getItems().isEmpty(), "clicking a cell lists its examples");
        shoot("evaluation");

        // keep and share: the model bundle, the metric history and the charts
        Path bundle = work.resolve("iris.dcmodel");
        Path history = work.resolve("history.csv");
        Path png = work.resolve("charts.png");
        files.answers.add(bundle);
        robot.interact(() -> window.fire("save-model"));
        files.answers.add(history);
        robot.interact(() -> window.fire("export-history"));
        files.answers.add(png);
        robot.interact(() -> window.fire("export-charts"));
        waitUntil(30, () -> Files.exists(bundle) && Files.exists(history) && Files.exists(png));
        assertTrue(Files.readString(history).lines().count() > 5, "one line per epoch");
        assertTrue(Files.size(png) > 5_000);
        assertEquals("setosa", dev.deepcanvas.runtime.bundle.ModelBundle.load(bundle).target().classNames().get(0));

        robot.interact(() -> window.showTab("try-tab"));
        waitUntil(10, () -> !robot.lookup("#try-it-sepal_length_cm").queryAs(javafx.scene.control.TextField.class).getText().isEmpty());
        robot.clickOn("#try-it-predict");
        waitUntil(10, () -> window.training().tryIt().lastPrediction() != null);
        Prediction p = window.training().tryIt().lastPrediction();
        double total = 0;
        for (double v : p.probabilities()) {
            total += v;
        }
        assertEquals(1.0, total, 1e-4, "probabilities sum to 1");
        assertEquals("setosa", p.label(), "the first iris row is a setosa");
        shoot("try-it");

        // a second run with a lower learning rate is overlaid, named by what changed
        robot.interact(() -> window.showTab("training-tab"));
        robot.clickOn("#training-lr").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write("0.001")
                .push(javafx.scene.input.KeyCode.ENTER);
        robot.clickOn("#training-train");
        waitUntil(60, () -> controller().runs().size() == 2 && controller().runs().get(1).trainMetric().getDataCount() >= 20);
        assertEquals("Run 2: lr 0.01 → 0.001", controller().runs().get(1).label());
        shoot("training-dashboard-two-runs");
        robot.interact(() -> window.fire("stop"));
        waitUntil(30, () -> controller().state() == TrainingController.State.IDLE);
    }

    /** Dragging over the loss chart zooms both charts' epoch axis; Reset Zoom shows the whole run again. */
    private void zoomInAndBack(FxRobot robot) {
        var dashboard = window.training().dashboard();
        var lossX = dashboard.lossChart().getXAxis();
        var metricX = dashboard.metricChart().getXAxis();
        double whole = lossX.getMax() - lossX.getMin();
        javafx.geometry.Bounds plot = dashboard.lossChart().getCanvas().localToScreen(dashboard.lossChart().getCanvas().getBoundsInLocal());
        robot.drag(new javafx.geometry.Point2D(plot.getMinX() + plot.getWidth() * 0.3, plot.getMinY() + plot.getHeight() * 0.2),
                javafx.scene.input.MouseButton.PRIMARY)
                .dropTo(new javafx.geometry.Point2D(plot.getMinX() + plot.getWidth() * 0.6, plot.getMinY() + plot.getHeight() * 0.8));
        WaitForAsyncUtils.waitForFxEvents();
        double zoomed = lossX.getMax() - lossX.getMin();
        assertTrue(zoomed < whole * 0.5, "zoomed from " + whole + " to " + zoomed + " epochs");
        assertEquals(lossX.getMin(), metricX.getMin(), 1e-9, "the accuracy chart follows the loss chart's epochs");
        robot.clickOn("#dashboard-reset-zoom");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(whole, lossX.getMax() - lossX.getMin(), whole * 1e-6, "the whole run again");
    }

    @Test
    void the_time_per_epoch_on_this_machine_is_in_the_summary_and_the_status_bar_for_the_open_project_s_data(FxRobot robot) throws Exception {
        // measured once after the backend starts and remembered where training reads it
        waitUntil(90, () -> window.model().calibrationProperty().get() != null);
        Calibration machine = window.model().calibrationProperty().get();
        assertEquals(Calibration.known(AppHome.folder()).orElseThrow(), machine);
        assertFalse(window.model().epochExamplesProperty().get().fromData(), "the starter network has no data");
        NetworkDocument starter = window.model().document();
        double perThousand = machine.epochSeconds(DesignCost.of(starter, window.model().analysis()), EpochExamples.nominal(),
                starter.training().batchSize());
        assertTrue(window.statusBar().costText().endsWith(" · " + Calibration.describe(perThousand) + " per 1,000 examples"),
                window.statusBar().costText());

        Path project = copyIris();
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("data-tab"));
        waitUntil(60, () -> window.model().epochExamplesProperty().get().fromData());
        var data = DataPreparer.check(window.model().document(), project).data();
        EpochExamples own = window.model().epochExamplesProperty().get();
        assertEquals(data.train().size(), own.train(), "the iris sample's training split");
        assertEquals(data.validation().size(), own.validation());
        double epoch = machine.epochSeconds(DesignCost.of(window.model().document(), window.model().analysis()), own, 16);
        assertTrue(window.statusBar().costText().endsWith(" · " + Calibration.describe(epoch) + " per epoch"), window.statusBar().costText());
        robot.interact(() -> window.showTab("summary-tab"));
        String summary = robot.lookup("#summary-text").queryTextInputControl().getText();
        assertTrue(summary.endsWith(String.format("Time per epoch on this machine: %s%n  for %d training and %d validation examples at batch 16%n",
                Calibration.describe(epoch), own.train(), own.validation())), summary);
        shoot("summary-with-time-per-epoch");

        robot.interact(() -> window.files().newDocument());
        assertFalse(window.model().epochExamplesProperty().get().fromData(), "a new project is not timed with the last one's data");
        assertTrue(window.statusBar().costText().isEmpty() || window.statusBar().costText().contains(" per 1,000 examples"),
                window.statusBar().costText());
    }

    @Test
    void a_run_can_start_from_a_trained_model_and_the_canvas_shows_which_layers_keep_its_weights(FxRobot robot) throws Exception {
        Path project = copyIris();
        NetworkDocument doc = new DocumentFiles().load(project);
        doc.setTraining(doc.training().toBuilder().epochs(2).build());
        TrainingRun first = TrainingRun.prepare(doc, project);
        first.trainer().run();
        Path trained = work.resolve("iris.dcmodel");
        first.bundle(first.evaluate()).save(trained);

        robot.interact(() -> window.files().load(project));
        files.answers.add(trained);
        robot.interact(() -> window.fire("start-from"));
        waitUntil(30, () -> window.model().startWeightsProperty().get() != null);
        assertEquals("The next run starts from iris.dcmodel: 3 of 3 layers with weights keep its weights (marked \"from model\"; the others"
                + " \"fresh\").", window.model().messageProperty().get());
        assertEquals("51 params · from model", window.canvas().faceOf("output_1")[1]);
        robot.interact(() -> window.model().setParam("output_1", "units", 4L));
        assertEquals("68 params · fresh", window.canvas().faceOf("output_1")[1], "a new head starts fresh");
        assertEquals("272 params · from model", window.canvas().faceOf("dense_2")[1], "the body keeps its weights");
        robot.interact(() -> window.model().undo());

        robot.interact(() -> window.showTab("training-tab"));
        robot.clickOn("#training-train");
        waitUntil(60, () -> window.model().messageProperty().get().contains("from iris.dcmodel"));
        assertTrue(window.model().messageProperty().get().contains("from iris.dcmodel: kept dense_1, dense_2, output_1"),
                window.model().messageProperty().get());
        waitUntil(120, () -> !controller().state().busy());

        robot.interact(() -> window.files().newDocument());
        assertEquals(null, window.model().startWeightsProperty().get(), "another project does not start from this one's model");
    }

    @Test
    void a_regression_shows_predicted_against_actual(FxRobot robot) throws Exception {
        Path project = copySample("diabetes", "diabetes.csv");
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.model().execute(window.model().edits().training(
                window.model().document().training().toBuilder().epochs(8).build(), "epochs 8")));
        robot.interact(() -> window.fire("train"));
        waitUntil(120, () -> controller().resultProperty().get() != null && controller().state() == TrainingController.State.IDLE);
        assertTrue(controller().resultProperty().get().report() instanceof dev.deepcanvas.runtime.evaluate.RegressionReport);
        assertFalse(controller().runs().get(0).classification());
        assertTrue(controller().runs().get(0).trainMetric().getDataCount() > 0, "MAE per epoch is drawn");
        robot.interact(() -> window.showTab("evaluation-tab"));
        assertTrue(robot.lookup("#evaluation-heading").queryLabeled().getText().contains("MAE"));
        shoot("evaluation-regression");
    }

    @Test
    void a_text_model_trains_and_is_tried_on_a_typed_name(FxRobot robot) throws Exception {
        Path project = copySample("names", "names.csv");
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("data-tab"));
        waitUntil(60, () -> "done".equals(window.training().data().checkStateProperty().get()));
        assertTrue(robot.lookup("#data-source").queryLabeled().getText().startsWith("Text in a CSV"));
        // the tokeniser's findings: vocabulary, coverage and the histogram of lengths
        String stats = robot.lookup("#data-text-summary").queryLabeled().getText();
        assertTrue(stats.startsWith("Vocabulary: ") && stats.contains("of the test tokens"), stats);
        StackedBarChart<?, ?> lengths = robot.lookup("#data-token-histogram").query();
        assertEquals(2, lengths.getData().size(), "texts read whole and texts cut");
        assertEquals("text", String.valueOf(robot.lookup("#data-role-name").queryComboBox().getValue()), "the name column is the text");
        robot.interact(() -> window.training().data().setVvalue(1.0));
        shoot("data-text");
        robot.interact(() -> window.training().data().setVvalue(0));

        // each tokeniser choice is one undo step
        DataBinding.Text before = window.model().document().data().orElseThrow().text();
        robot.interact(() -> robot.lookup("#data-tokens").<DataBinding.Text.Tokens>queryComboBox().setValue(DataBinding.Text.Tokens.WORDS));
        robot.interact(() -> robot.lookup("#data-max-length").<Spinner<Integer>>query().increment(1));
        DataBinding.Text changed = window.model().document().data().orElseThrow().text();
        assertEquals(DataBinding.Text.Tokens.WORDS, changed.tokens());
        assertEquals(before.maxLength() + 10, changed.maxLength());
        robot.interact(() -> window.fire("undo"));
        robot.interact(() -> window.fire("undo"));
        assertEquals(before, window.model().document().data().orElseThrow().text(), "two undos, two choices");
        assertEquals(DataBinding.Text.Tokens.CHARACTERS, robot.lookup("#data-tokens").queryComboBox().getValue(), "the control follows undo");

        robot.interact(() -> window.model().execute(window.model().edits().training(
                window.model().document().training().toBuilder().epochs(2).build(), "epochs 2")));
        robot.interact(() -> window.fire("train"));
        waitUntil(180, () -> controller().resultProperty().get() != null && controller().state() == TrainingController.State.IDLE);
        // the most frequent mistake is listed at once, with the names themselves
        robot.interact(() -> window.showTab("evaluation-tab"));
        ListView<ExamplePrediction> listed = robot.lookup("#evaluation-samples").query();
        assertFalse(listed.getItems().isEmpty(), "misclassified names are listed");
        ExamplePrediction first = listed.getItems().get(0);
        assertFalse(first.correct());
        assertTrue(listed.getItems().stream().allMatch(e -> e.confidence() <= first.confidence()), "most confident first");
        String name = controller().resultProperty().get().csvLines().get(first.origin() - 1);
        assertTrue(name.matches("[A-Za-z' -]+"), "the text shown is the name read: " + name);
        shoot("evaluation-text");
        robot.interact(() -> window.showTab("try-tab"));
        robot.clickOn("#try-it-text").write("Olivia");
        robot.clickOn("#try-it-predict");
        waitUntil(20, () -> window.training().tryIt().lastPrediction() != null);
        Prediction p = window.training().tryIt().lastPrediction();
        assertEquals(List.of("female", "male"), p.classes());
        assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1], 1e-5);
        shoot("try-it-text");
    }

    @Test
    void a_forecast_is_evaluated_beside_the_naive_forecast(FxRobot robot) throws Exception {
        Path project = copySample("air-passengers", "air_passengers.csv");
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("data-tab"));
        waitUntil(60, () -> "done".equals(window.training().data().checkStateProperty().get())
                && robot.lookup("#data-series-chart").tryQuery().isPresent());
        SeriesChart series = robot.lookup("#data-series-chart").query();
        assertEquals(List.of("training", "validation", "test"), series.stretchNames());
        assertEquals(144, series.getData().get(0).getData().size(), "every month of the file");
        robot.interact(() -> window.training().data().setVvalue(1.0));
        shoot("data-series");
        robot.interact(() -> window.training().data().setVvalue(0));
        DataBinding.Series chosen = window.model().document().data().orElseThrow().series();
        robot.interact(() -> robot.lookup("#data-window").<Spinner<Integer>>query().increment(1));
        robot.interact(() -> robot.lookup("#data-differencing").<CheckBox>query().fire());
        assertEquals(new DataBinding.Series(chosen.window() + 1, chosen.horizon(), !chosen.differencing()),
                window.model().document().data().orElseThrow().series());
        robot.interact(() -> window.fire("undo"));
        robot.interact(() -> window.fire("undo"));
        assertEquals(chosen, window.model().document().data().orElseThrow().series(), "two undos, two choices");

        robot.interact(() -> window.model().execute(window.model().edits().training(
                window.model().document().training().toBuilder().epochs(30).build(), "epochs 30")));
        robot.interact(() -> window.fire("train"));
        waitUntil(120, () -> controller().resultProperty().get() != null && controller().state() == TrainingController.State.IDLE);
        robot.interact(() -> window.showTab("evaluation-tab"));
        String heading = robot.lookup("#evaluation-heading").queryLabeled().getText();
        assertTrue(heading.contains("Naive forecast (same as the last step)"), heading);
        SeriesChart forecast = robot.lookup("#evaluation-forecast").query();
        assertEquals(List.of("actual", "model", "naive (same as the last step)"), forecast.getData().stream().map(XYChart.Series::getName).toList());
        int windows = controller().resultProperty().get().data().test().size();
        assertEquals(windows, forecast.getData().get(2).getData().size(), "the naive forecast on every test window");
        shoot("evaluation-forecast");

        robot.interact(() -> window.showTab("try-tab"));
        waitUntil(30, () -> window.training().tryIt().lastPrediction() != null);
        SeriesChart next = robot.lookup("#try-it-forecast").query();
        assertEquals(List.of("forecast"), next.stretchNames());
        assertTrue(Double.isFinite(window.training().tryIt().lastPrediction().value()));
        String answer = robot.lookup("#try-it-answer").queryLabeled().getText();
        assertTrue(answer.startsWith("Next: passengers on row 145 (1 after the last row)"), answer);
        shoot("try-it-forecast");
    }

    @Test
    void a_diverging_run_stops_with_an_explanation_and_the_window_is_ready_again(FxRobot robot) throws Exception {
        Path project = copySample("diabetes", "diabetes.csv");
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("training-tab"));
        robot.interact(() -> window.model().execute(window.model().edits().training(window.model().document().training().toBuilder()
                .optimizer(dev.deepcanvas.runtime.document.Optimizer.SGD, 1e6).epochs(20).build(), "learning rate")));
        robot.interact(() -> window.fire("train"));
        waitUntil(120, () -> controller().state() == TrainingController.State.IDLE && !controller().outcomeProperty().get().isEmpty());

        String outcome = robot.lookup("#training-outcome").queryLabeled().getText();
        assertTrue(outcome.startsWith("The loss became "), outcome);
        assertTrue(outcome.contains("The learning rate (1000000.0) is probably too high: try 100000.0."), outcome);
        assertEquals(null, controller().resultProperty().get(), "a failed run is not scored");
        assertFalse(robot.lookup("#training-train").queryButton().isDisabled(), "Train can be pressed again");
        assertEquals(1, controller().runs().size(), "the failed run's curves stay on the dashboard");
        shoot("training-failed-run");
    }

    @Test
    void an_image_model_lists_thumbnails_and_is_tried_on_a_chosen_image(FxRobot robot) throws Exception {
        Path project = Path.of("../samples/digits/digits.deepcanvas").toAbsolutePath().normalize();
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.model().execute(window.model().edits().training(
                window.model().document().training().toBuilder().epochs(3).build(), "epochs 3")));
        robot.interact(() -> window.fire("train"));
        waitUntil(180, () -> controller().resultProperty().get() != null && controller().state() == TrainingController.State.IDLE);
        robot.interact(() -> window.showTab("evaluation-tab"));
        assertEquals(10, window.training().evaluation().matrix().counts().length);
        robot.clickOn("#cm-3-3");
        var items = window.training().evaluation().samples().getItems();
        assertFalse(items.isEmpty());
        shoot("evaluation-images");

        robot.interact(() -> window.showTab("try-tab"));
        files.answers.add(project.getParent().resolve("data/images/7/" + firstPng(project.getParent().resolve("data/images/7"))));
        robot.clickOn("Choose Image…");
        waitUntil(20, () -> window.training().tryIt().lastPrediction() != null);
        double total = java.util.Arrays.stream(window.training().tryIt().lastPrediction().probabilities()).sum();
        assertEquals(1.0, total, 1e-4);
        assertEquals(10, window.training().tryIt().lastPrediction().classes().size());
        shoot("try-it-image");
    }

    private static String firstPng(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void an_image_folder_shows_thumbnails_and_counts_per_class(FxRobot robot) throws Exception {
        robot.interact(() -> window.showTab("data-tab"));
        files.answers.add(Path.of("../samples/digits/data/images").toAbsolutePath());
        robot.clickOn("#data-choose-images");
        waitUntil(30, () -> window.training().data().checkStateProperty().get().equals("done")
                && robot.lookup(".data-class-name").queryAll().size() == 10);
        assertTrue(window.model().document().data().orElseThrow().format() == dev.deepcanvas.runtime.document.DataBinding.Format.IMAGES);
        // the starter network takes feature vectors, not images: the problems panel says so
        assertFalse(window.model().dataProblems().isEmpty());
        shoot("data-images");
    }

    @Test
    void preparation_choices_for_a_csv_and_for_images_are_undoable_edits(FxRobot robot) throws Exception {
        robot.interact(() -> window.files().load(copyIris()));
        robot.interact(() -> window.showTab("data-tab"));
        waitUntil(30, () -> window.training().data().checkStateProperty().get().equals("done"));
        // (below the fold of the data panel, so chosen as the list would: by setting the value)
        robot.interact(() -> robot.lookup("#data-normalization").<DataBinding.Normalization>queryComboBox()
                .setValue(DataBinding.Normalization.MINMAX));
        robot.interact(() -> robot.lookup("#data-missing").<DataBinding.MissingValues>queryComboBox().setValue(DataBinding.MissingValues.FILL));
        DataBinding csv = window.model().document().data().orElseThrow();
        assertEquals(DataBinding.Normalization.MINMAX, csv.normalization());
        assertEquals(DataBinding.MissingValues.FILL, csv.missing());
        robot.interact(() -> window.training().data().setVvalue(0.75));
        shoot("data-csv-preparation");
        robot.interact(() -> window.fire("undo"));
        assertEquals(DataBinding.MissingValues.DROP, window.model().document().data().orElseThrow().missing(), "one undo, one choice");
        assertEquals(DataBinding.MissingValues.DROP, robot.lookup("#data-missing").queryComboBox().getValue(), "the control follows undo");

        robot.interact(() -> window.training().data().setVvalue(0));
        files.answers.add(Path.of("../samples/digits/data/images").toAbsolutePath());
        robot.clickOn("#data-choose-images");
        waitUntil(30, () -> robot.lookup("#data-flip").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#data-flip").<javafx.scene.control.CheckBox>query().fire());
        robot.interact(() -> robot.lookup("#data-rotation").<javafx.scene.control.Spinner<Integer>>query().increment(2));
        assertEquals(new DataBinding.Augmentation(true, 10, 0), window.model().document().data().orElseThrow().augmentation());
        robot.interact(() -> window.fire("undo"));
        assertEquals(new DataBinding.Augmentation(true, 0, 0), window.model().document().data().orElseThrow().augmentation());
    }

    @Test
    void a_csv_dropped_on_the_window_is_bound_and_shown_and_a_document_is_refused(FxRobot robot) throws Exception {
        Path csv = Files.copy(Path.of("../samples/iris/data/iris.csv"), work.resolve("flowers.csv"));
        Path notData = Files.writeString(work.resolve("notes.md"), "# not data");
        javafx.scene.Parent root = window.stage().getScene().getRoot();

        assertFalse(drag(root, javafx.scene.input.DragEvent.DRAG_OVER, notData).isAccepted(), "a Markdown file is not data");
        assertTrue(drag(root, javafx.scene.input.DragEvent.DRAG_OVER, csv).isAccepted());
        var drop = drag(root, javafx.scene.input.DragEvent.DRAG_DROPPED, csv);
        robot.interact(() -> javafx.event.Event.fireEvent(root, drop));
        waitUntil(30, () -> window.training().data().checkStateProperty().get().equals("done"));
        assertTrue(window.training().tabs().get(0).isSelected(), "the Data tab shows what was dropped");
        assertTrue(window.model().document().data().orElseThrow().path().endsWith("flowers.csv"));
        assertTrue(robot.lookup("#data-preview").tryQuery().isPresent(), "the CSV preview is shown");
    }

    /**
     * A drag of one file over {@code target}, as the system would deliver it (the operating
     * system's drag itself cannot be driven from a test); fired on the JavaFX thread.
     */
    private static javafx.scene.input.DragEvent drag(javafx.scene.Node target,
            javafx.event.EventType<javafx.scene.input.DragEvent> type, Path file) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            // JavaFX's in-memory clipboard, offering a copy as a system drag would
            var local = com.sun.javafx.tk.Toolkit.getToolkit().createLocalClipboard();
            var dragged = (com.sun.javafx.tk.TKClipboard) java.lang.reflect.Proxy.newProxyInstance(TrainingFlowsTest.class.getClassLoader(),
                    new Class<?>[] {com.sun.javafx.tk.TKClipboard.class}, (proxy, method, args) -> method.getName().equals("getTransferModes")
                            ? java.util.EnumSet.of(javafx.scene.input.TransferMode.COPY) : method.invoke(local, args));
            var board = com.sun.javafx.scene.input.DragboardHelper.createDragboard(dragged);
            var content = new javafx.scene.input.ClipboardContent();
            content.putFiles(List.of(file.toFile()));
            board.setContent(content);
            var event = new javafx.scene.input.DragEvent(target, target, type, board, 10, 10, 10, 10, javafx.scene.input.TransferMode.COPY,
                    null, null, null);
            if (type == javafx.scene.input.DragEvent.DRAG_OVER) {
                javafx.event.Event.fireEvent(target, event);
            }
            return event;
        }).get();
    }

    @Test
    void a_generated_moons_set_is_fixed_in_one_click_and_shows_its_decision_regions(FxRobot robot) throws Exception {
        Path project = copyIris();
        robot.interact(() -> window.files().load(project));
        robot.interact(() -> window.showTab("data-tab"));
        robot.interact(() -> window.training().data().generate(ToyDataset.MOONS));
        waitUntil(30, () -> window.model().document().data().map(d -> d.path().endsWith("moons.csv")).orElse(false)
                && !window.model().dataProblems().isEmpty());
        shoot("data-moons-with-problems");
        // the network expects 4 features and 3 classes: the problems panel offers both fixes
        for (int round = 0; round < 3 && !window.model().dataProblems().isEmpty(); round++) {
            List<Diagnostic> fixes = window.model().dataProblems().stream().filter(d -> d.fix() != null).toList();
            assertFalse(fixes.isEmpty(), "a one-click fix for " + window.model().dataProblems());
            robot.interact(() -> window.model().applyFix(fixes.get(0)));
            waitUntil(30, () -> window.training().data().checkStateProperty().get().equals("done"));
        }
        assertTrue(window.model().dataProblems().stream().noneMatch(Diagnostic::isError), window.model().dataProblems().toString());
        robot.interact(() -> window.model().setParam("dense_1", "units", 24));
        robot.clickOn("#training-tab");
        robot.clickOn("#training-epochs").push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write("40")
                .push(javafx.scene.input.KeyCode.ENTER);
        robot.interact(() -> window.fire("train"));
        waitUntil(60, () -> controller().boundaryProperty().get() != null);
        robot.interact(() -> window.showTab("boundary-tab"));
        waitUntil(120, () -> controller().state() == TrainingController.State.IDLE && controller().resultProperty().get() != null);
        assertTrue(window.training().boundary().showsMap(), "the decision map is drawn under the points");
        assertNotNull(controller().boundaryDataProperty().get());
        assertEquals(2, controller().boundaryDataProperty().get().classes().size());
        shoot("decision-boundary-moons");
        robot.interact(() -> {
            window.fire("dark");
            window.showTab("training-tab");
        });
        shoot("training-dark");
        robot.interact(() -> window.fire("dark"));
    }
}
