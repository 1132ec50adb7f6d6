package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a project for a command, turning every failure into one line on standard error. */
final class ProjectLoader {

    private int exitCode = DeepCanvasCommand.OK;
    private String problem;

    /** The loaded document, or null after printing why not; {@link #exitCode()} says how it failed. */
    NetworkDocument load(Path file, PrintWriter err) {
        try {
            return new DocumentFiles().load(file);
        } catch (NoSuchFileException e) {
            fail(file + ": no such file", DeepCanvasCommand.IO_ERROR);
        } catch (IOException e) {
            fail(file + ": cannot read: " + e.getMessage(), DeepCanvasCommand.IO_ERROR);
        } catch (DocumentFormatException e) {
            fail(e.getMessage(), DeepCanvasCommand.INVALID);
        }
        err.println("deepcanvas: " + problem);
        return null;
    }

    private void fail(String message, int code) {
        problem = message;
        exitCode = code;
    }

    int exitCode() {
        return exitCode;
    }

    /** Why the last load failed. */
    String problem() {
        return problem;
    }
}
