package dev.deepcanvas.designer.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.testing.Pulses;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A focused text field blinks its caret (JavaFX then pulses 60 times a second) unless the caret is held steady. */
@ExtendWith(ApplicationExtension.class)
class SteadyCaretTest {

    private final SimpleBooleanProperty training = new SimpleBooleanProperty(false);
    private TextField field;
    private Scene scene;

    @Start
    void start(Stage stage) {
        field = new TextField("0.001");
        scene = new Scene(new VBox(field), 300, 100);
        SteadyCaret.whenever(scene, training);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void the_caret_stops_blinking_while_the_condition_holds_and_blinks_again_after(FxRobot robot) throws Exception {
        robot.clickOn(field);
        WaitForAsyncUtils.waitForFxEvents();
        int blinking = Pulses.during(scene, 1000);
        assertTrue(blinking >= 20, "a blinking caret animates: " + blinking + " pulses in a second");

        robot.interact(() -> training.set(true));
        robot.type(javafx.scene.input.KeyCode.END); // a key release restarts blinking in the control; the rule stops it again
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        int steady = Pulses.during(scene, 1000);
        assertTrue(steady <= 3, "steady caret: " + steady + " pulses in a second");

        robot.interact(() -> training.set(false));
        int again = Pulses.during(scene, 1000);
        assertTrue(again >= 20, "blinking again: " + again + " pulses in a second");
    }
}
