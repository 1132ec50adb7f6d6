package dev.deepcanvas.designer.testing;

import dev.deepcanvas.designer.DesignerServices;
import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.files.FileDialogs;
import dev.deepcanvas.designer.files.Prompts;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.files.Templates;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.util.Duration;

/**
 * Services for a designer window under test: settings in a temporary folder, background work on
 * the calling thread, file dialogs that answer with prepared paths, and (by default) the real
 * dialogs for questions, which TestFX clicks like a user.
 */
public final class TestServices {

    /** File dialogs that return the next prepared path (the system chooser cannot be driven). */
    public static final class ScriptedFiles implements FileDialogs {
        public final Deque<Path> answers = new ArrayDeque<>();

        @Override
        public Optional<Path> chooseOpen(Path folder) {
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> chooseSave(Path folder, String suggestedName) {
            return Optional.ofNullable(answers.poll());
        }
    }

    private TestServices() {}

    public static DesignerServices create(Path home, ScriptedFiles files) {
        return new DesignerServices(new Settings(home), Background.sameThread(), w -> files,
                dev.deepcanvas.designer.files.FxPrompts::new, () -> "CPU (test)", Duration.hours(1), Templates.standard());
    }

    public static DesignerServices create(Path home, ScriptedFiles files, Prompts prompts) {
        return new DesignerServices(new Settings(home), Background.sameThread(), w -> files, w -> prompts,
                () -> "CPU (test)", Duration.hours(1), Templates.standard());
    }

    /** As {@link #create(Path, ScriptedFiles)}, but with real background threads (training flows). */
    public static DesignerServices threaded(Path home, ScriptedFiles files) {
        return new DesignerServices(new Settings(home), new dev.deepcanvas.designer.background.FxBackground(), w -> files,
                dev.deepcanvas.designer.files.FxPrompts::new, () -> "CPU (test)", Duration.hours(1), Templates.standard());
    }
}
