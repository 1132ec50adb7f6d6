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

    /** The loaded document, or null after printing why not; {@link #exitCode()} says how it failed. */
    private int exitCode = DeepCanvasCommand.OK;

    NetworkDocument load(Path file, PrintWriter err) {
        try {
            return new DocumentFiles().load(file);
        } catch (NoSuchFileException e) {
            err.println("deepcanvas: " + file + ": no such file");
            exitCode = DeepCanvasCommand.IO_ERROR;
        } catch (IOException e) {
            err.println("deepcanvas: " + file + ": cannot read: " + e.getMessage());
            exitCode = DeepCanvasCommand.IO_ERROR;
        } catch (DocumentFormatException e) {
            err.println("deepcanvas: " + e.getMessage());
            exitCode = DeepCanvasCommand.INVALID;
        }
        return null;
    }

    int exitCode() {
        return exitCode;
    }
}
