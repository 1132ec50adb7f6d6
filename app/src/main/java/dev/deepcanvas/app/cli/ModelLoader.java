package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.BundleFormatException;
import dev.deepcanvas.runtime.bundle.ModelBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a saved model for a command, turning every failure into one line on standard error. */
final class ModelLoader {

    private int exitCode = DeepCanvasCommand.OK;

    /** The model, or null after printing why not; {@link #exitCode()} says how it failed. */
    ModelBundle load(Path file, PrintWriter err) {
        try {
            if (!Files.exists(file)) {
                err.println("deepcanvas: " + file + ": no such file");
                exitCode = DeepCanvasCommand.IO_ERROR;
                return null;
            }
            return ModelBundle.load(file);
        } catch (BundleFormatException e) {
            err.println("deepcanvas: " + e.getMessage());
            exitCode = DeepCanvasCommand.INVALID;
        } catch (IOException e) {
            err.println("deepcanvas: " + file + ": cannot read: " + e.getMessage());
            exitCode = DeepCanvasCommand.IO_ERROR;
        }
        return null;
    }

    int exitCode() {
        return exitCode;
    }
}
