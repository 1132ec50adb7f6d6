package dev.deepcanvas.runtime.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote and what it left to the user.
 *
 * @param trainable the exported model's trainable parameters, as its framework counts them
 * @param dataLoading true when the code reads the project's data itself
 * @param notes what the code does not do or does differently, one sentence each
 */
public record ExportResult(List<Path> files, long trainable, boolean dataLoading, List<String> notes) {

    public ExportResult {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
