package dev.deepcanvas.designer.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.slf4j.LoggerFactory;

/**
 * Turns an unexpected error into a plain-words dialog instead of a stack trace; the details go to
 * the log. One dialog at a time, however many errors follow.
 */
public final class ErrorDialogs {

    private static boolean showing;

    private ErrorDialogs() {}

    /** Makes this the handler of errors no one caught, on every thread. */
    public static void install(Window owner) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LoggerFactory.getLogger(ErrorDialogs.class).error("Unexpected error on {}", thread.getName(), error);
            // Later, not now: a dialog may not open in the middle of a layout or animation pulse.
            Platform.runLater(() -> show(owner, error));
        });
    }

    static String describe(Throwable error) {
        String what = error.getMessage() == null || error.getMessage().isBlank() ? "an internal error" : error.getMessage();
        return "The last action did not finish (" + what + "). Your network is still open: if something looks wrong, "
                + "use Undo. Unsaved work is also copied to a recovery file every 30 seconds.";
    }

    private static void show(Window owner, Throwable error) {
        if (showing || owner == null || !owner.isShowing()) {
            return;
        }
        showing = true;
        try {
            Alert alert = new Alert(Alert.AlertType.ERROR, describe(error), ButtonType.OK);
            alert.initOwner(owner);
            alert.setTitle("DeepCanvas");
            alert.setHeaderText("Something went wrong inside DeepCanvas");
            alert.getDialogPane().setMinWidth(520);
            alert.showAndWait();
        } finally {
            showing = false;
        }
    }
}
