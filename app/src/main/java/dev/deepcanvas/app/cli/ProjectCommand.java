package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A command that reads one project file and analyses it: loading errors and diagnostics go to
 * standard error, one line each, and become the exit code.
 */
abstract class ProjectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a DeepCanvas project (.deepcanvas)")
    Path file;

    @Option(names = "--json", description = "print JSON on standard output")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectLoader loader = new ProjectLoader();
        NetworkDocument doc = loader.load(file, err);
        int code;
        if (doc == null) {
            code = unloadable(loader, out);
        } else {
            NetworkAnalysis analysis = ShapeInference.analyse(doc);
            analysis.diagnostics().forEach(d -> err.println(d.oneLine()));
            code = analysed(doc, analysis, out);
        }
        out.flush();
        return code;
    }

    /** What to do when the file could not be loaded; the reason is already on stderr. */
    int unloadable(ProjectLoader loader, PrintWriter out) {
        return loader.exitCode();
    }

    /** The command's work on a loaded, analysed document; returns the exit code. */
    abstract int analysed(NetworkDocument doc, NetworkAnalysis analysis, PrintWriter out);
}
