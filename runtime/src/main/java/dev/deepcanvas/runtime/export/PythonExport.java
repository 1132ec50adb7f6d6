package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a Python export: the code file, and for a CSV project its split beside it. */
final class PythonExport {

    /** The code of one framework, with the table data to read (or null) and the notes to add to. */
    @FunctionalInterface
    interface Source {
        String of(ExportGraph graph, PythonTableData data, List<String> notes) throws ExportException;
    }

    private PythonExport() {}

    /**
     * @param data the project's prepared data, or null to export the network alone
     * @param trainable the exported model's trainable parameters, as its framework counts them
     */
    static ExportResult write(ExportGraph graph, PreparedData data, Path dataFile, Path folder, String file, long trainable, Source source)
            throws ExportException, IOException {
        List<String> notes = new ArrayList<>();
        PythonTableData table = PythonTableData.of(data, dataFile, folder, notes);
        if (table != null && (graph.inputs().size() != 1 || graph.outputs().size() != 1)) {
            notes.add("Data loading is generated for networks of one input and one output.");
            table = null;
        }
        String code = source.of(graph, table, notes);
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        Path module = folder.resolve(file);
        AtomicFiles.write(module, code.getBytes(StandardCharsets.UTF_8));
        files.add(module);
        if (table != null) {
            files.add(table.writeSplit(folder));
        }
        return new ExportResult(files, trainable, table != null, notes);
    }
}
