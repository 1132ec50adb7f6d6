package dev.deepcanvas.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a project: shapes, wiring and settings. Exit code 0 when it can be compiled, 2 when not.")
final class ValidateCommand extends ProjectCommand {

    @Override
    int unloadable(ProjectLoader loader, PrintWriter out) {
        if (json) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("valid", false);
            result.put("error", loader.problem());
            out.print(NetworkSummary.pretty(result));
        }
        return loader.exitCode();
    }

    @Override
    int analysed(NetworkDocument doc, NetworkAnalysis analysis, PrintWriter out) {
        if (json) {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("valid", analysis.isValid());
            result.put("layers", doc.nodes().size());
            result.put("totalParams", analysis.totalParameters());
            result.set("diagnostics", NetworkSummary.diagnosticsJson(analysis.diagnostics()));
            out.print(NetworkSummary.pretty(result));
        } else if (analysis.isValid()) {
            int warnings = analysis.diagnostics().size();
            out.printf("%s: valid, %d layers, %,d parameters%s%n", file.getFileName(), doc.nodes().size(),
                    analysis.totalParameters(), warnings == 0 ? "" : ", " + warnings + " warning(s)");
        }
        return analysis.isValid() ? DeepCanvasCommand.OK : DeepCanvasCommand.INVALID;
    }
}
