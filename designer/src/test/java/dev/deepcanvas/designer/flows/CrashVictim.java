package dev.deepcanvas.designer.flows;

import dev.deepcanvas.designer.DesignerServices;
import dev.deepcanvas.designer.DesignerWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * A designer process for {@link CrashRecoveryTest} to kill: opens the window as the application
 * does (desktop services, real autosave), changes dense_1 to 128 units, waits until autosave wrote
 * the change, says "AUTOSAVED" and waits to be killed.
 */
public final class CrashVictim {

    private CrashVictim() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Platform.startup(() -> {
            DesignerWindow window = new DesignerWindow(new Stage(), DesignerServices.desktop(home, () -> "CPU"));
            window.show();
            Platform.runLater(() -> window.model().setParam("dense_1", "units", 128L));
        });
        Path folder = home.resolve("recovery");
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path p : files.filter(f -> f.toString().endsWith(".deepcanvas")).toList()) {
                        // the copy's description is written after the document: wait for both, or a kill may fall between
                        Path meta = Path.of(p.toString().replace(".deepcanvas", ".properties"));
                        if (Files.readString(p).contains("\"units\" : 128") && Files.exists(meta)) {
                            System.out.println("AUTOSAVED");
                            System.out.flush();
                            Thread.sleep(Long.MAX_VALUE);
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        System.out.println("NO AUTOSAVE");
        System.exit(1);
    }
}
