package dev.deepcanvas.designer.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/** Runs work once the window has been drawn, so nothing slow delays the first frame. */
public final class FirstFrame {

    private FirstFrame() {}

    /**
     * Runs {@code action} on the JavaFX thread after the second pulse from now (outside the pulse,
     * so it may open dialogs).
     */
    public static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses >= 2) {
                    stop();
                    Platform.runLater(action);
                }
            }
        }.start();
    }
}
