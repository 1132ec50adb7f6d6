package dev.deepcanvas.runtime.shape;

import java.util.Map;
import java.util.Objects;

/**
 * One thing wrong with a document, in the user's words.
 *
 * @param nodeId the layer it is about, or null for the network as a whole
 * @param hint how to fix it
 * @param fix parameter values on {@code nodeId} that fix it in one click, or null
 */
public record Diagnostic(String nodeId, Severity severity, String message, String hint, Map<String, Object> fix) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        fix = fix == null ? null : Map.copyOf(fix);
    }

    public static Diagnostic error(String nodeId, String message, String hint) {
        return new Diagnostic(nodeId, Severity.ERROR, message, hint, null);
    }

    public static Diagnostic warning(String nodeId, String message, String hint) {
        return new Diagnostic(nodeId, Severity.WARNING, message, hint, null);
    }

    /** The same diagnostic with a one-click fix: set these parameters on its layer. */
    public Diagnostic withFix(Map<String, Object> parameters) {
        return new Diagnostic(nodeId, severity, message, hint, parameters);
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
