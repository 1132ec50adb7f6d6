package dev.deepcanvas.designer.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.testing.TestServices;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
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

/** Writes screenshots of the main window (light, dark, presentation) to target/screenshots/. */
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

    private void shoot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().snapshot(null)).get();
        File out = new File("target/screenshots/" + name + ".png");
        Files.createDirectories(out.toPath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        assertTrue(out.length() > 10_000, name + " looks empty");
    }

    @Test
    void main_window_in_light_dark_and_presentation_mode(FxRobot robot) throws Exception {
        robot.interact(() -> window.model().reveal("dense_2"));
        robot.interact(() -> window.canvas().fitToView());
        shoot("main-light");
        robot.interact(() -> window.fire("dark"));
        shoot("main-dark");
        robot.interact(() -> window.fire("dark"));
        robot.interact(() -> window.fire("presentation"));
        robot.interact(() -> window.model().reveal("dense_2"));
        shoot("main-presentation");
    }
}
