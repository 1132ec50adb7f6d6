package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Print the layer table (output shapes, parameter counts) of a project, like Keras' model.summary().")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "a DeepCanvas project (.deepcanvas)")
    Path file;

    @Option(names = "--json", description = "print JSON instead of a table")
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
            return loader.exitCode();
        }
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        analysis.diagnostics().forEach(d -> err.println(d.oneLine()));
        if (!analysis.isValid()) {
            return DeepCanvasCommand.INVALID;
        }
        NetworkSummary summary = new NetworkSummary(doc, analysis);
        out.print(json ? NetworkSummary.pretty(summary.toJson()) : summary.toText());
        out.flush();
        return DeepCanvasCommand.OK;
    }

}
