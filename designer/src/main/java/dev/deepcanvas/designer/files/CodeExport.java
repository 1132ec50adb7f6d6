package dev.deepcanvas.designer.files;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.export.ExportException;
import dev.deepcanvas.runtime.export.Framework;
import dev.deepcanvas.runtime.export.ProjectExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File → Export as code: asks for a folder, writes the network (and, for a CSV project, its data
 * loading) in the background, and says what it wrote or why the framework cannot express a layer.
 */
public final class CodeExport {

    private static final Logger LOG = LoggerFactory.getLogger(CodeExport.class);

    private final DesignerModel model;
    private final FileDialogs dialogs;
    private final Prompts prompts;
    private final Background background;

    public CodeExport(DesignerModel model, FileDialogs dialogs, Prompts prompts, Background background) {
        this.model = model;
        this.dialogs = dialogs;
        this.prompts = prompts;
        this.background = background;
    }

    public void export(Framework framework) {
        if (!model.analysis().isValid()) {
            prompts.error("Cannot export to " + framework.title(), "The network has errors; the Problems panel lists them with fixes.");
            return;
        }
        Path project = model.file();
        Path start = project != null && project.getParent() != null ? project.getParent() : Path.of(System.getProperty("user.home"));
        dialogs.chooseFolder(start, "Export as " + framework.title() + " into folder").ifPresent(folder -> {
            Path main = folder.resolve(framework.mainFile());
            if (Files.exists(main) && !prompts.confirm("Replace " + framework.mainFile() + "?", main + " exists; exporting replaces it.")) {
                return;
            }
            NetworkDocument doc = Documents.copy(model.document());
            PreparedData ready = project == null ? null : model.dataPreparer().ready(doc, project).orElse(null);
            model.setMessage("Exporting as " + framework.title() + "…");
            background.run("export-" + framework.cliName(), () -> ProjectExport.export(doc, project, ready, framework, folder),
                    result -> model.setMessage(String.format(Locale.ROOT, "Exported as %s: %s (%,d trainable parameters)%s", framework.title(),
                            main, result.trainable(), result.notes().isEmpty() ? "." : ". " + String.join(" ", result.notes()))),
                    error -> failed(framework, folder, error));
        });
    }

    private void failed(Framework framework, Path folder, Throwable error) {
        if (error instanceof ExportException e) {
            prompts.error("Cannot export to " + framework.title(), e.getMessage());
        } else if (error instanceof IOException e) {
            prompts.error("Cannot write into " + folder, e.getMessage());
        } else {
            LOG.error("exporting as {} failed", framework.title(), error);
            prompts.error("Cannot export to " + framework.title(), "Something unexpected went wrong; the log has the details.");
        }
        model.setMessage("");
    }
}
