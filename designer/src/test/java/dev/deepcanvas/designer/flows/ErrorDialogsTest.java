package dev.deepcanvas.designer.flows;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.ui.ErrorDialogs;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ErrorDialogsTest {

    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("window"), 400, 300));
        stage.show();
        before = Thread.getDefaultUncaughtExceptionHandler();
        ErrorDialogs.install(stage);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void an_unexpected_error_is_explained_in_plain_words_without_a_stack_trace(FxRobot robot) throws Exception {
        new Thread(() -> {
            throw new IllegalStateException("the layer list changed while it was read");
        }).start();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Something went wrong inside DeepCanvas").tryQuery().isPresent());
        String text = robot.lookup(".dialog-pane .content").queryAs(Labeled.class).getText();
        assertTrue(text.startsWith("The last action did not finish (the layer list changed while it was read)."), text);
        assertTrue(!text.contains("Exception") && !text.contains("\tat "), text);
        // the OK of this dialog (an earlier test's closed dialog may still hold another "OK")
        javafx.scene.Node node = robot.lookup("Something went wrong inside DeepCanvas").query();
        while (!(node instanceof javafx.scene.control.DialogPane)) {
            node = node.getParent();
        }
        javafx.scene.Node ok = ((javafx.scene.control.DialogPane) node).lookupButton(javafx.scene.control.ButtonType.OK);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ok::isVisible);
        robot.clickOn(ok);
    }
}
