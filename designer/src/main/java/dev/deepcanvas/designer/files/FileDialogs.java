package dev.deepcanvas.designer.files;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file to open or a place to save; the desktop uses the system's file chooser. */
public interface FileDialogs {

    Optional<Path> chooseOpen(Path folder);

    Optional<Path> chooseSave(Path folder, String suggestedName);

    /**
     * Asks for a file of one kind to open, e.g. ("Choose data", "CSV files", "*.csv"). Scripted
     * dialogs in tests answer like {@link #chooseOpen(Path)}.
     */
    default Optional<Path> chooseOpen(Path folder, String title, String description, String... patterns) {
        return chooseOpen(folder);
    }

    /** Asks where to save a file of one kind; the first pattern's extension is added when missing. */
    default Optional<Path> chooseSave(Path folder, String suggestedName, String title, String description, String... patterns) {
        return chooseSave(folder, suggestedName);
    }

    /** Asks for a folder (e.g. of images, one sub-folder per class). */
    default Optional<Path> chooseFolder(Path folder, String title) {
        return chooseOpen(folder);
    }
}
