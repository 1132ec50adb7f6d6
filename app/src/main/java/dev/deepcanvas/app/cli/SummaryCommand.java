package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.EpochExamples;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = {"Print the layer table (output shapes, parameter counts) of a project, like Keras' model.summary(),",
            "with the design's cost: FLOPs, memory to train, and the time per epoch on this machine."})
final class SummaryCommand extends ProjectCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SummaryCommand.class);

    @Option(names = "--data", description = "time an epoch of the project's own data (reads and prepares it); otherwise per 1,000 examples")
    boolean data;

    @Option(names = "--no-time", negatable = false, description = "leave out the time per epoch (it starts the compute backend)")
    boolean noTime;

    @Override
    int analysed(NetworkDocument doc, NetworkAnalysis analysis, PrintWriter out) {
        if (!analysis.isValid()) {
            return DeepCanvasCommand.INVALID;
        }
        NetworkSummary summary = new NetworkSummary(doc, analysis);
        if (!noTime) {
            calibration().ifPresent(c -> summary.withTime(c, examples(doc)));
        }
        out.print(json ? NetworkSummary.pretty(summary.toJson()) : summary.toText());
        return DeepCanvasCommand.OK;
    }

    /** This machine's calibration, measured once (a few seconds) when missing; empty when the backend cannot run. */
    private Optional<Calibration> calibration() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            NativeStart.prepare();
            Path home = AppHome.folder();
            if (Calibration.known(home).isEmpty()) {
                err.println("Measuring this machine's training speed once (a few seconds)...");
                err.flush();
            }
            return Optional.of(Calibration.remembered(home));
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("no time estimate: the compute backend did not start", e);
            err.println("No time per epoch: the compute backend did not start (" + e.getMessage() + ").");
            return Optional.empty();
        }
    }

    /** The project's training and validation examples with --data, else the nominal 1,000. */
    private EpochExamples examples(NetworkDocument doc) {
        if (!data || doc.data().isEmpty()) {
            if (data) {
                spec.commandLine().getErr().println("The project has no data bound; the time is per 1,000 examples.");
            }
            return EpochExamples.nominal();
        }
        try {
            DataPreparer.Result result = DataPreparer.check(doc, file.toAbsolutePath());
            PreparedData prepared = result.data();
            if (prepared != null) {
                return EpochExamples.of(prepared);
            }
            result.problems().forEach(p -> spec.commandLine().getErr().println(p.oneLine()));
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot read the project's data: " + e.getMessage());
        }
        spec.commandLine().getErr().println("The time is per 1,000 examples.");
        return EpochExamples.nominal();
    }
}
