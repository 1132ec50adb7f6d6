package dev.deepcanvas.runtime.export;

/** A network the chosen framework cannot express; the message names the layer and why. */
public final class ExportException extends Exception {

    public ExportException(String message) {
        super(message);
    }
}
