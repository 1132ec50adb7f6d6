package dev.deepcanvas.designer.ui;

import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.TextInputControlSkin;
import javafx.scene.input.KeyEvent;

/**
 * Keeps the text caret steady (shown, not blinking) while a condition holds, e.g. while training
 * runs. A blinking caret is a JavaFX animation, and while any animation runs JavaFX pulses 60 times
 * a second and walks the whole scene on every pulse: a training run then loses several per cent of
 * its speed to a caret. The text controls restart blinking on focus changes and key releases, so
 * those are followed too.
 */
public final class SteadyCaret {

    private final Scene scene;
    private final ObservableBooleanValue steady;

    private SteadyCaret(Scene scene, ObservableBooleanValue steady) {
        this.scene = scene;
        this.steady = steady;
    }

    /** Installs the rule on {@code scene} for as long as the scene lives. */
    public static void whenever(Scene scene, ObservableBooleanValue steady) {
        SteadyCaret rule = new SteadyCaret(scene, steady);
        steady.addListener((o, was, is) -> rule.apply());
        // After the control's own handlers, which turn blinking back on.
        scene.focusOwnerProperty().addListener((o, a, b) -> rule.later());
        scene.addEventHandler(KeyEvent.KEY_RELEASED, e -> rule.later());
        scene.windowProperty().addListener((o, a, w) -> {
            if (w != null) {
                w.focusedProperty().addListener((p, x, y) -> rule.later());
            }
        });
    }

    private void later() {
        if (steady.get()) {
            Platform.runLater(this::apply);
        }
    }

    private void apply() {
        Node owner = scene.getFocusOwner();
        if (owner instanceof TextInputControl text && text.getSkin() instanceof TextInputControlSkin<?> skin) {
            boolean windowFocused = scene.getWindow() != null && scene.getWindow().isFocused();
            skin.setCaretAnimating(!steady.get() && text.isFocused() && windowFocused);
        }
    }
}
