package dev.deepcanvas.designer;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.background.FxBackground;
import dev.deepcanvas.designer.files.FileDialogs;
import dev.deepcanvas.designer.files.FxFileDialogs;
import dev.deepcanvas.designer.files.FxPrompts;
import dev.deepcanvas.designer.files.Prompts;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.files.Templates;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * What the designer window needs from its surroundings. The desktop shell passes the real ones;
 * tests pass scripted file dialogs, a same-thread background and a short autosave interval.
 *
 * @param backend describes the compute backend (e.g. "CPU · OpenBLAS"); it may load DL4J, so it
 *     runs in the background after the first frame
 */
public record DesignerServices(
        Settings settings,
        Background background,
        Function<Window, FileDialogs> fileDialogs,
        Function<Window, Prompts> prompts,
        Callable<String> backend,
        Duration autosaveEvery,
        Templates templates) {

    /** Autosave interval of the desktop application. */
    public static final Duration AUTOSAVE = Duration.seconds(30);

    public static DesignerServices desktop(Path home, Callable<String> backend) {
        return new DesignerServices(new Settings(home), new FxBackground(), FxFileDialogs::new, FxPrompts::new, backend,
                autosaveInterval(), Templates.standard());
    }

    /** 30 s, or {@code -Ddeepcanvas.autosave.seconds=N}. */
    static Duration autosaveInterval() {
        String s = System.getProperty("deepcanvas.autosave.seconds");
        try {
            return s == null ? AUTOSAVE : Duration.seconds(Math.max(0.2, Double.parseDouble(s)));
        } catch (NumberFormatException e) {
            return AUTOSAVE;
        }
    }
}
