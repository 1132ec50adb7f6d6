package dev.deepcanvas.designer.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look of the window: AtlantaFX Primer light or dark, plus the designer's own stylesheet. */
public final class Theme {

    public static final String STYLESHEET = Objects.requireNonNull(
            Theme.class.getResource("/dev/deepcanvas/designer/designer.css"), "designer.css").toExternalForm();

    private Theme() {}

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
    }

    /** Presentation mode: larger text everywhere (the canvas scales itself). */
    public static void presentation(Scene scene, boolean on) {
        if (on) {
            if (!scene.getRoot().getStyleClass().contains("presentation")) {
                scene.getRoot().getStyleClass().add("presentation");
            }
        } else {
            scene.getRoot().getStyleClass().remove("presentation");
        }
    }
}
