package dev.deepcanvas.designer.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.testing.Pulses;
import dev.deepcanvas.designer.testing.TestServices;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window costs nothing while nothing changes: no animation keeps JavaFX pulsing (each pulse
 * walks the whole scene, and 60 a second cost a training run several per cent of its speed). The idle
 * test failed while the autosave clock was a JavaFX Timeline. The dashboard test guards the state
 * in which the benchmark caught charts redrawing on every pulse (empty epoch curves, see
 * SteadyDataSetTest for that cause); here it stays quiet even with ChartFX's own data sets.
 */
@ExtendWith(ApplicationExtension.class)
class QuietWindowTest {

    /** A couple of pulses may still come from the last change settling. */
    private static final int AT_MOST = 3;

    @TempDir
    Path home;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        window = new DesignerWindow(stage, TestServices.threaded(home, new TestServices.ScriptedFiles()));
        window.show();
    }

    /** The scene once it has settled, with the focus on {@code owner}. */
    private Scene settled(FxRobot robot, javafx.scene.Node owner) throws Exception {
        // not a text field: a focused text field blinks its caret, which is an animation (see SteadyCaretTest)
        robot.interact(owner::requestFocus);
        Thread.sleep(700);
        WaitForAsyncUtils.waitForFxEvents();
        return window.stage().getScene();
    }

    @Test
    void the_window_starts_with_the_focus_on_the_canvas(FxRobot robot) {
        assertTrue(window.canvas().isFocused(), "focus on " + window.stage().getScene().getFocusOwner());
    }

    @Test
    void an_idle_window_does_not_pulse(FxRobot robot) throws Exception {
        Scene scene = settled(robot, window.canvas());
        int pulses = Pulses.during(scene, 1000);
        assertTrue(pulses <= AT_MOST, pulses + " pulses in a second of an idle window");
    }

    @Test
    void the_dashboard_does_not_pulse_while_the_epoch_curves_are_empty(FxRobot robot) throws Exception {
        robot.interact(() -> window.showTab("training-tab"));
        // what the dashboard holds during the first epoch: batch losses, but no epoch curves yet
        RunSeries run = new RunSeries(1, "run 1", true);
        robot.interact(() -> {
            window.training().controller().runs().add(run);
            run.addBatches(new double[] {0.1, 0.2, 0.3}, new double[] {2.3, 2.1, 1.9}, 3);
        });
        Scene scene = settled(robot, window.training().dashboard());
        int pulses = Pulses.during(scene, 1000);
        assertTrue(pulses <= AT_MOST, pulses + " pulses in a second with empty curves on the dashboard");
    }

    @Test
    void after_a_run_the_window_is_quiet_again(FxRobot robot) throws Exception {
        Path project = java.nio.file.Files.createDirectories(home.resolve("iris"));
        java.nio.file.Files.createDirectories(project.resolve("data"));
        java.nio.file.Files.copy(Path.of("../samples/iris/iris.deepcanvas"), project.resolve("iris.deepcanvas"));
        java.nio.file.Files.copy(Path.of("../samples/iris/data/iris.csv"), project.resolve("data/iris.csv"));
        robot.interact(() -> window.files().load(project.resolve("iris.deepcanvas")));
        robot.interact(() -> window.model().execute(window.model().edits().training(
                window.model().document().training().toBuilder().epochs(3).build(), "epochs 3")));
        robot.interact(() -> window.fire("train"));
        TrainingController c = window.training().controller();
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> c.resultProperty().get() != null && c.state() == TrainingController.State.IDLE);
        robot.interact(() -> window.showTab("evaluation-tab"));
        Scene scene = settled(robot, window.training().evaluation());
        int pulses = Pulses.during(scene, 1000);
        assertTrue(pulses <= AT_MOST, pulses + " pulses in a second after a run");
    }
}
