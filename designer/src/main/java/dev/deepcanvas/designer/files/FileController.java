package dev.deepcanvas.designer.files;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * New, Open, Save, Save As, recent files, templates and crash recovery, with the unsaved-changes
 * question before anything replaces unsaved work. Problems reach the user as plain sentences.
 */
public final class FileController {

    private final DesignerModel model;
    private final DocumentFiles files = new DocumentFiles();
    private final Settings settings;
    private final FileDialogs dialogs;
    private final Prompts prompts;
    private final Templates templates;
    private final RecoveryStore recovery;
    private Runnable recentChanged = () -> {};

    public FileController(DesignerModel model, Settings settings, FileDialogs dialogs, Prompts prompts, Templates templates, RecoveryStore recovery) {
        this.model = model;
        this.settings = settings;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.templates = templates;
        this.recovery = recovery;
    }

    public void onRecentChanged(Runnable listener) {
        recentChanged = listener;
    }

    public Settings settings() {
        return settings;
    }

    public Templates templates() {
        return templates;
    }

    /** True when there is nothing unsaved, or the user saved it or chose to drop it. */
    public boolean confirmDiscard(String beforeWhat) {
        if (!model.isDirty()) {
            return true;
        }
        return switch (prompts.askSave(displayName(), beforeWhat)) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public void newDocument() {
        if (confirmDiscard("when you start a new network")) {
            model.load(new NetworkDocument("Untitled"), null, false);
        }
    }

    public void open() {
        if (confirmDiscard("when you open another project")) {
            dialogs.chooseOpen(settings.lastFolder()).ifPresent(this::load);
        }
    }

    public void openRecent(Path file) {
        if (confirmDiscard("when you open another project")) {
            load(file);
        }
    }

    /** Opens a file without asking about unsaved changes (the caller did). */
    public boolean load(Path file) {
        try {
            NetworkDocument doc = files.load(file);
            model.load(doc, file.toAbsolutePath(), false);
            remember(file);
            return true;
        } catch (DocumentFormatException e) {
            prompts.error("Could not open " + file.getFileName(), e.getMessage());
        } catch (IOException e) {
            prompts.error("Could not open " + file.getFileName(), reason(e, "read"));
        }
        return false;
    }

    public void openTemplate(String name) {
        if (!confirmDiscard("when you open a template")) {
            return;
        }
        loadTemplate(name);
    }

    /** Shows a template as a new, untitled network. */
    public boolean loadTemplate(String name) {
        try {
            model.load(templates.load(name), null, false);
            return true;
        } catch (IOException | DocumentFormatException e) {
            prompts.error("Could not open the template " + name, e.getMessage());
            return false;
        }
    }

    /** Saves to the document's file, or asks where when it has none. True when saved. */
    public boolean save() {
        Path file = model.file();
        if (file == null) {
            return saveAs();
        }
        return write(file.getParent(), file);
    }

    public boolean saveAs() {
        Path current = model.file();
        Path folder = current != null ? current.getParent() : settings.lastFolder();
        String suggested = current != null ? current.getFileName().toString() : fileNameFor(model.document().name());
        Optional<Path> target = dialogs.chooseSave(folder, suggested);
        if (target.isEmpty()) {
            return false;
        }
        return write(current != null ? current.getParent() : null, target.get());
    }

    /** @param fromDir the folder the document's relative data path refers to, or null for a never-saved document */
    private boolean write(Path fromDir, Path target) {
        try {
            if (fromDir == null) {
                files.saveNew(model.document(), target);
            } else {
                files.saveAs(model.document(), fromDir, target);
            }
            model.saved(target.toAbsolutePath());
            recovery.clear();
            remember(target);
            model.setMessage("Saved " + target.getFileName() + ".");
            return true;
        } catch (IOException | RuntimeException e) {
            prompts.error("Could not save " + target.getFileName(),
                    reason(e, "written") + " The file on disk was not changed.");
            return false;
        }
    }

    /** Offers every copy left over from a crash; returns true when one was recovered. */
    public boolean offerRecovery() {
        boolean recovered = false;
        for (RecoveryStore.Leftover left : recovery.leftovers()) {
            String when = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault()).format(left.saved());
            String what = "Unsaved changes to \"" + left.name() + "\""
                    + (left.original() != null ? " (" + left.original().getFileName() + ")" : "")
                    + " from " + when + " can be restored.";
            if (!recovered && prompts.askRecover(what)) {
                try {
                    model.load(recovery.load(left), left.original(), true);
                    recovery.write(model.document(), model.file());
                    recovered = true;
                } catch (IOException | DocumentFormatException e) {
                    prompts.error("Could not recover the unsaved work", e.getMessage());
                    continue;
                }
            }
            recovery.discard(left);
        }
        return recovered;
    }

    /** "keras-mlp.deepcanvas" or the network's name. */
    public String displayName() {
        return model.file() != null ? model.file().getFileName().toString() : "\"" + model.document().name() + "\"";
    }

    private void remember(Path file) {
        settings.addRecent(file);
        settings.setLastFolder(file.toAbsolutePath().getParent());
        recentChanged.run();
    }

    static String fileNameFor(String name) {
        String base = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return (base.isEmpty() ? "network" : base.toLowerCase()) + DocumentFiles.EXTENSION;
    }

    /** An I/O problem in plain words. */
    static String reason(Exception e, String verb) {
        if (e instanceof NoSuchFileException) {
            return "The file or its folder does not exist.";
        }
        if (e instanceof AccessDeniedException) {
            return "You do not have permission: it cannot be " + verb + " there.";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return "It could not be " + verb + ": " + f.getReason() + ".";
        }
        String message = e.getMessage();
        return "It could not be " + verb + (message == null || message.isBlank() ? "." : ": " + message + (message.endsWith(".") ? "" : "."));
    }
}
