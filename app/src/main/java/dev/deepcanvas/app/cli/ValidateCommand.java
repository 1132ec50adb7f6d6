package dev.deepcanvas.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a project: shapes, wiring and settings. Exit code 0 when it can be compiled, 2 when not.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a DeepCanvas project (.deepcanvas)")
    Path file;

    @Option(names = "--json", description = "print the result as JSON on standard output")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        ProjectLoader loader = new ProjectLoader();
        NetworkDocument doc = loader.load(file, err);
        if (doc == null) {
            if (json) {
                ObjectNode result = JsonNodeFactory.instance.objectNode();
                result.put("valid", false);
                result.put("error", loader.problem());
                out.print(NetworkSummary.pretty(result));
                out.flush();
            }
            return loader.exitCode();
        }
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        analysis.diagnostics().forEach(d -> err.println(d.oneLine()));
        if (json) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("valid", analysis.isValid());
            result.put("layers", doc.nodes().size());
            result.put("totalParams", analysis.totalParameters());
            result.set("diagnostics", NetworkSummary.diagnosticsJson(analysis.diagnostics()));
            out.print(NetworkSummary.pretty(result));
        } else if (analysis.isValid()) {
            out.printf("%s: valid, %d layers, %,d parameters%s%n", file.getFileName(), doc.nodes().size(),
                    analysis.totalParameters(), analysis.diagnostics().isEmpty() ? "" : ", " + analysis.diagnostics().size() + " warning(s)");
        }
        out.flush();
        return analysis.isValid() ? DeepCanvasCommand.OK : DeepCanvasCommand.INVALID;
    }
}
