package dev.deepcanvas.designer.flows;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.testing.TestServices;
import dev.deepcanvas.runtime.document.Edge;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes screenshots of the main window to target/screenshots/: light, dark and presentation mode,
 * plus the summary tab, a network with problems while a wire is refused, and the template gallery.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    @TempDir
    static Path home;
    private DesignerWindow window;

    @Start
    void start(Stage stage) {
        window = new DesignerWindow(stage, TestServices.create(home, new TestServices.ScriptedFiles()));
        window.show();
    }

    private static void shoot(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        File out = new File("target/screenshots/" + name + ".png");
        Files.createDirectories(out.toPath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        assertTrue(out.length() > 10_000, name + " looks empty");
    }

    private void shoot(String name) throws Exception {
        shoot(window.stage().getScene(), name);
    }

    @Test
    void main_window_in_light_dark_and_presentation_mode(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().reveal("dense_2"));
        robot.interact(() -> window.canvas().fitToView());
        shoot("main-light");
        robot.interact(() -> window.fire("dark"));
        assertTrue(new Settings(home).darkTheme(), "the theme is remembered");
        shoot("main-dark");
        robot.interact(() -> window.fire("dark"));
        assertFalse(new Settings(home).darkTheme());
        robot.interact(() -> window.fire("presentation"));
        robot.interact(() -> window.model().reveal("dense_2"));
        shoot("main-presentation");
        robot.interact(() -> window.fire("presentation"));
    }

    @Test
    void summary_problems_refused_wire_and_template_gallery(FxRobot robot) throws Exception {
        robot.clickOn("Summary");
        shoot("summary-tab");
        robot.clickOn("Canvas");
        robot.interact(() -> {
            var model = window.model();
            model.execute(model.edits().delete(List.of(), List.of(Edge.of("dropout_1", "dense_2"))));
            model.addLayer("ImageInput", Map.of(), 240, 200);
            model.selection().clear();
            window.canvas().fitToView();
        });
        robot.moveTo(window.canvas().screenOutputPortOf("image_input_1")).press(MouseButton.PRIMARY)
                .moveTo(window.canvas().screenInputPortOf("dense_2", 0));
        shoot("refused-wire-and-problems");
        robot.release(MouseButton.PRIMARY);
        robot.interact(() -> window.fire("dark"));
        shoot("problems-dark");
        robot.interact(() -> window.fire("dark"));

        javafx.application.Platform.runLater(window::chooseTemplate);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> robot.lookup("#template-list").tryQuery().isPresent());
        Window dialog = robot.lookup("#template-list").query().getScene().getWindow();
        shoot(dialog.getScene(), "template-gallery");
        robot.clickOn("Cancel");
    }

    @Test
    void a_frozen_layer_with_its_lock_and_the_inspector(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.model().setFrozen("dense_1", true);
            window.model().reveal("dense_1");
        });
        shoot("frozen-layer");
    }

    @Test
    void a_convolutional_network_close_up(FxRobot robot) throws Exception {
        robot.interact(() -> {
            window.files().loadTemplate("keras-mnist-convnet");
            window.model().reveal("conv2d_2");
        });
        shoot("convnet-close-up");
    }
}
