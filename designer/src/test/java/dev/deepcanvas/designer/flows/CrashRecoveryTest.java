package dev.deepcanvas.designer.flows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.files.RecoveryStore;
import dev.deepcanvas.designer.testing.TestServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Kills a designer process (SIGKILL) after an edit has been autosaved, then starts the window again
 * and recovers the edit from the offer it makes.
 */
@ExtendWith(ApplicationExtension.class)
class CrashRecoveryTest {

    @TempDir
    Path home;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Process startVictim() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "prism.text", "headless.geometry", "java.awt.headless")) {
            if (System.getProperty(p) != null) {
                command.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        command.add("-Ddeepcanvas.autosave.seconds=0.5");
        command.add(CrashVictim.class.getName());
        command.add(home.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void an_edit_survives_a_killed_process_through_autosave(FxRobot robot) throws Exception {
        Process victim = startVictim();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("AUTOSAVED")) {
                output.add(line);
            }
            assertTrue(line != null, "the process never autosaved:\n" + String.join("\n", output));
            victim.destroyForcibly();
            assertTrue(victim.waitFor(30, TimeUnit.SECONDS));
        } finally {
            victim.destroyForcibly();
        }
        assertEquals(1, new RecoveryStore(home).leftovers().size());

        DesignerWindow[] window = new DesignerWindow[1];
        robot.interact(() -> {
            window[0] = new DesignerWindow(stage, TestServices.create(home, new TestServices.ScriptedFiles()));
            window[0].show();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Recover").tryQuery().isPresent());
        robot.clickOn("Recover");
        WaitForAsyncUtils.waitForFxEvents();

        var model = window[0].model();
        assertEquals(128L, model.document().node("dense_1").orElseThrow().params().get("units"));
        assertTrue(model.isDirty());
        assertEquals("Keras example MLP* — DeepCanvas", stage.getTitle());
        assertEquals("Total parameters: 11,594", window[0].statusBar().parametersText());
        assertTrue(new RecoveryStore(home).leftovers().isEmpty(), "the offer is made once");
    }
}
