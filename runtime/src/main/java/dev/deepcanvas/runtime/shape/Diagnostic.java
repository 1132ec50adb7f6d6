package dev.deepcanvas.runtime.shape;

import java.util.Objects;

/**
 * One thing wrong with a document, in the user's words.
 *
 * @param nodeId the layer it is about, or null for the network as a whole
 * @param hint how to fix it
 */
public record Diagnostic(String nodeId, Severity severity, String message, String hint) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public static Diagnostic error(String nodeId, String message, String hint) {
        return new Diagnostic(nodeId, Severity.ERROR, message, hint);
    }

    public static Diagnostic warning(String nodeId, String message, String hint) {
        return new Diagnostic(nodeId, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for logs and the command line: {@code error: dense_1: message Fix: hint}. */
    public String oneLine() {
        String where = nodeId == null ? "network" : nodeId;
        return severity.name().toLowerCase() + ": " + where + ": " + message + " Fix: " + hint;
    }
}
