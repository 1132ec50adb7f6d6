package dev.deepcanvas.runtime.compile;

import dev.deepcanvas.runtime.shape.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/** The document could not become a DL4J network; the diagnostics say where and why. */
public final class CompileException extends Exception {

    private final List<Diagnostic> diagnostics;

    public CompileException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.stream().map(Diagnostic::oneLine).collect(Collectors.joining("\n")), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
