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

    private static FileChooser chooser(String title, Path folder, String description, String... patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(description, patterns),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    @Override
    public Optional<Path> chooseOpen(Path folder, String title, String description, String... patterns) {
        File f = chooser(title, folder, description, patterns).showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Path folder, String suggestedName, String title, String description, String... patterns) {
        FileChooser chooser = chooser(title, folder, description, patterns);
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(owner);
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        if (!p.getFileName().toString().contains(".") && patterns.length > 0 && patterns[0].startsWith("*.")) {
            p = p.resolveSibling(p.getFileName() + patterns[0].substring(1));
        }
        return Optional.of(p);
    }

    @Override
    public Optional<Path> chooseFolder(Path folder, String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }
}
