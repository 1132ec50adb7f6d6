package dev.deepcanvas.designer.files;

import dev.deepcanvas.runtime.document.DocumentFiles;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file chooser, filtered to DeepCanvas projects. */
public final class FxFileDialogs implements FileDialogs {

    private final Window owner;

    public FxFileDialogs(Window owner) {
        this.owner = owner;
    }

    private static FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("DeepCanvas projects", "*" + DocumentFiles.EXTENSION),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseOpen(Path folder) {
        File f = chooser("Open project", folder).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String suggestedName) {
        FileChooser chooser = chooser("Save project", folder);
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        if (!p.getFileName().toString().contains(".")) {
            p = p.resolveSibling(p.getFileName() + DocumentFiles.EXTENSION);
        }
        return Optional.of(p);
    }
}
