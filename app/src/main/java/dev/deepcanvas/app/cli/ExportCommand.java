package dev.deepcanvas.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.export.ExportException;
import dev.deepcanvas.runtime.export.ExportResult;
import dev.deepcanvas.runtime.export.Framework;
import dev.deepcanvas.runtime.export.ProjectExport;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {"Write the network as code for another framework: one line per layer, the project's training settings,",
            "and for a CSV project its data loading with DeepCanvas's split and encoding."})
final class ExportCommand extends ProjectCommand {

    @Option(names = "--to", required = true, paramLabel = "FRAMEWORK", description = "pytorch, keras or java (a Maven project for DL4J)")
    String to;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "the folder to write into (created if missing)")
    Path out;

    @Override
    int analysed(NetworkDocument doc, NetworkAnalysis analysis, PrintWriter stdout) {
        PrintWriter err = spec.commandLine().getErr();
        if (!analysis.isValid()) {
            return DeepCanvasCommand.INVALID;
        }
        Framework framework;
        try {
            framework = Framework.fromCliName(to);
        } catch (IllegalArgumentException e) {
            err.println("deepcanvas: --to " + to + ": not a framework DeepCanvas exports to; choose one of: "
                    + String.join(", ", Arrays.stream(Framework.values()).map(Framework::cliName).toList()) + ".");
            return DeepCanvasCommand.USAGE;
        }
        try {
            ExportResult result = ProjectExport.export(doc, file.toAbsolutePath(), null, framework, out);
            if (json) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("framework", framework.cliName());
                var files = o.putArray("files");
                result.files().forEach(f -> files.add(f.toString()));
                o.put("trainableParams", result.trainable());
                o.put("dataLoading", result.dataLoading());
                result.notes().forEach(o.putArray("notes")::add);
                stdout.print(NetworkSummary.pretty(o));
                return DeepCanvasCommand.OK;
            }
            stdout.println(String.format(Locale.ROOT, "Exported \"%s\" as %s (%,d trainable parameters in %s):", doc.name(), framework.title(),
                    result.trainable(), framework.title()));
            result.files().forEach(f -> stdout.println("  " + f));
            result.notes().forEach(n -> stdout.println("Note: " + n));
            return DeepCanvasCommand.OK;
        } catch (ExportException e) {
            err.println("deepcanvas: cannot export to " + framework.title() + ": " + e.getMessage());
            return DeepCanvasCommand.INVALID;
        } catch (IOException e) {
            err.println("deepcanvas: cannot write " + out + ": " + e.getMessage());
            return DeepCanvasCommand.IO_ERROR;
        }
    }
}
