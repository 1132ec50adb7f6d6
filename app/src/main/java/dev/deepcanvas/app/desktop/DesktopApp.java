package dev.deepcanvas.app.desktop;

import dev.deepcanvas.designer.DesignerServices;
import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.ui.ErrorDialogs;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The desktop application: one designer window with the course example loaded. DL4J is not
 * touched until the first frame is on screen; then {@link Dl4jBackend} starts it in the background
 * and the status bar shows the backend.
 */
public final class DesktopApp extends Application {

    public static void launchWindow() {
        DesignerWindow.warmUp();
        Application.launch(DesktopApp.class);
    }

    @Override
    public void start(Stage stage) {
        DesignerWindow window = new DesignerWindow(stage, DesignerServices.desktop(Settings.defaultHome(), new Dl4jBackend()));
        FirstFrame.watch(stage.getScene());
        ErrorDialogs.install(stage);
        window.show();
    }
}
