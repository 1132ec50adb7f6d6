package dev.deepcanvas.designer.files;

import java.nio.file.Path;
import java.util.Optional;

/** Asks the user for a file to open or a place to save; the desktop uses the system's file chooser. */
public interface FileDialogs {

    Optional<Path> chooseOpen(Path folder);

    Optional<Path> chooseSave(Path folder, String suggestedName);
}
