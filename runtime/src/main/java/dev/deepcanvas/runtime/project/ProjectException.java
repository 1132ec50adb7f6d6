package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.shape.Diagnostic;
import java.util.List;
import java.util.stream.Collectors;

/** A project that cannot be trained as it is, with every reason (diagnostics on layers or the data). */
public final class ProjectException extends Exception {

    private final List<Diagnostic> problems;

    public ProjectException(List<Diagnostic> problems) {
        super(problems.stream().map(Diagnostic::oneLine).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public ProjectException(String message, String hint) {
        this(List.of(Diagnostic.error(null, message, hint)));
    }

    public List<Diagnostic> problems() {
        return problems;
    }
}
