package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports a project as code, with its data prepared as training would prepare it (so the code
 * reads the same split with the same encoding); the one path the window and the command line share.
 */
public final class ProjectExport {

    private ProjectExport() {}

    /**
     * @param projectFile where the project lives (its data path is relative to it); null for a
     *     project never saved, whose code then has no data loading
     * @param prepared the data already prepared for this document, or null to prepare it here
     */
    public static ExportResult export(NetworkDocument doc, Path projectFile, PreparedData prepared, Framework framework, Path folder)
            throws ExportException, IOException {
        List<String> notes = new ArrayList<>();
        PreparedData data = prepared;
        Path dataFile = null;
        // only the Python exports read data, and only CSV tables: prepare nothing the code would not use
        boolean reads = framework != Framework.JAVA && doc.data().map(b -> b.format() == DataBinding.Format.CSV).orElse(false);
        if (reads && projectFile != null) {
            dataFile = DocumentFiles.resolveData(doc.data().get(), projectFile);
            if (data == null) {
                try {
                    DataPreparer.Result result = DataPreparer.check(doc, projectFile);
                    data = result.data();
                    if (data == null) {
                        result.problems().stream().filter(Diagnostic::isError).findFirst()
                                .ifPresent(d -> notes.add("The data could not be prepared (" + d.message() + "); the code has no data loading."));
                    }
                } catch (IOException e) {
                    notes.add("The data could not be read (" + e.getMessage() + "); the code has no data loading.");
                }
            }
        } else if (doc.data().isPresent() && framework != Framework.JAVA) {
            notes.add(PythonTableData.NOT_A_TABLE);
        }
        Path from = data == null ? null : dataFile;
        ExportResult result = switch (framework) {
            case PYTORCH -> new PyTorchExporter().export(doc, data, from, folder);
            case KERAS -> new KerasExporter().export(doc, data, from, folder);
            case JAVA -> new JavaExporter().export(doc, folder);
        };
        notes.addAll(result.notes());
        return new ExportResult(result.files(), result.trainable(), result.dataLoading(), notes);
    }
}
