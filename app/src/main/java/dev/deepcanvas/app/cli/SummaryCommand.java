package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Print the layer table (output shapes, parameter counts) of a project, like Keras' model.summary().")
final class SummaryCommand extends ProjectCommand {

    @Override
    int analysed(NetworkDocument doc, NetworkAnalysis analysis, PrintWriter out) {
        if (!analysis.isValid()) {
            return DeepCanvasCommand.INVALID;
        }
        NetworkSummary summary = new NetworkSummary(doc, analysis);
        out.print(json ? NetworkSummary.pretty(summary.toJson()) : summary.toText());
        return DeepCanvasCommand.OK;
    }
}
