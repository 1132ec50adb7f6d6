package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.compute.ComputeBackend;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.project.ProjectException;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.train.TrainingEvent.Failed;
import dev.deepcanvas.runtime.train.TrainingEvent.Finished;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a project on its data, then score it on the held-out test split and save the model.",
            "Ctrl+C stops after the current batch and still saves the model."
        })
final class TrainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PROJECT", description = "a DeepCanvas project (.deepcanvas)")
    Path project;

    Integer epochs;

    @Option(names = "--epochs", paramLabel = "N", description = "train this many epochs (at least 1) instead of the project's")
    void setEpochs(int value) {
        if (value < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1, not " + value);
        }
        epochs = value;
    }

    @Option(names = "--data", paramLabel = "PATH", description = "a CSV file or an image folder instead of the project's data")
    Path data;

    @Option(names = "--seed", paramLabel = "S", description = "seed for weights, split and shuffling instead of the project's")
    Long seed;

    @Option(names = "--from", paramLabel = "MODEL", description = "start from a trained model's weights (.dcmodel): layers whose id and shape match"
            + " keep them, the others start fresh")
    Path from;

    @Option(names = "--out", paramLabel = "FILE", description = "where to save the trained model (default: PROJECT with .dcmodel)")
    Path out;

    @Spec
    CommandSpec spec;

    /** The estimated time per epoch, from this machine's calibration (measured once, a few seconds). */
    private static void estimate(TrainingRun run, PrintWriter stdout) {
        Path home = AppHome.folder();
        if (Calibration.known(home).isEmpty()) {
            stdout.println("  Measuring this machine's training speed once (a few seconds)...");
            stdout.flush();
        }
        NetworkDocument doc = run.document();
        boolean perStep = run.cost().perStep();
        int batch = doc.training().batchSize();
        double seconds = run.estimatedEpochSeconds(home);
        stdout.println("  Estimated " + Calibration.describe(seconds) + " per epoch (" + run.data().train().size() + " training examples, batch "
                + batch + (perStep ? "; per time step: the length is variable" : "") + ").");
    }

    @Override
    public Integer call() {
        try {
            return train();
        } catch (IOException e) {
            spec.commandLine().getErr().println("deepcanvas: cannot read or write: " + e.getMessage());
            return DeepCanvasCommand.IO_ERROR;
        }
    }

    private Integer train() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectLoader loader = new ProjectLoader();
        NetworkDocument doc = loader.load(project, err);
        if (doc == null) {
            return loader.exitCode();
        }
        applyOverrides(doc);
        TrainingRun run;
        try {
            run = TrainingRun.prepare(doc, project);
        } catch (ProjectException e) {
            e.problems().forEach(d -> err.println(d.oneLine()));
            return DeepCanvasCommand.INVALID;
        }
        stdout.println(DataSummary.describe(run.data()));
        if (from != null) {
            ModelLoader models = new ModelLoader();
            ModelBundle start = models.load(from, err);
            if (start == null) {
                return models.exitCode();
            }
            stdout.println("Starting from " + from.getFileName() + ": " + run.startFrom(start).describe() + ".");
        }
        ComputeBackend backend = ComputeBackend.current();
        stdout.println("Training on " + backend.describe() + (run.threads() < backend.threads()
                ? "; this network trains on " + run.threads() + " (small networks train faster on one)." : "."));
        backend.notice().ifPresent(notice -> stdout.println("  " + notice));
        run.memoryWarning().ifPresent(warning -> stdout.println("  warning: " + warning));
        estimate(run, stdout);
        stdout.flush();
        var trainer = run.trainer();
        trainer.addListener(new ProgressPrinter(stdout, System.console() != null, doc.training().epochs()));
        CountDownLatch saved = new CountDownLatch(1);
        Thread stopOnInterrupt = new Thread(() -> {
            trainer.stop();
            try {
                // Let the run finish its batch, score the test split and save the model.
                saved.await(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "deepcanvas-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            TrainingEvent end = trainer.run();
            if (end instanceof Failed f) {
                err.println("deepcanvas: " + f.message());
                err.println("  Try: " + f.hint());
                return DeepCanvasCommand.TRAINING_FAILED;
            }
            Finished finished = (Finished) end;
            boolean keptBest = finished.bestEpoch() > 0 && doc.training().keepBest() && finished.outcome() != TrainingEvent.Outcome.STOPPED;
            stdout.printf("%s%s after %d epoch(s) in %s%s.%n%n", System.console() != null ? "\r\033[K" : "", describe(finished.outcome()),
                    finished.epochsRun(), ProgressPrinter.clock(finished.elapsed()), keptBest ? ", keeping epoch " + finished.bestEpoch() : "");
            TestReport report = run.evaluate();
            stdout.print(report.toText());
            Path target = out != null ? out : defaultOut();
            ModelBundle bundle = run.bundle(report);
            bundle.save(target);
            stdout.printf("%nSaved the model to %s%n", target);
            stdout.flush();
            return DeepCanvasCommand.OK;
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits for the save above.
            }
        }
    }

    private void applyOverrides(NetworkDocument doc) {
        var training = doc.training().toBuilder();
        if (epochs != null) {
            training.epochs(epochs);
        }
        if (seed != null) {
            training.seed(seed);
        }
        doc.setTraining(training.build());
        if (data != null) {
            String relative = DocumentFiles.relativePath(project.toAbsolutePath().getParent(), data);
            boolean folder = Files.isDirectory(data);
            DataBinding current = doc.data().orElse(null);
            boolean sameFormat = current != null && (current.format() == DataBinding.Format.IMAGES) == folder;
            doc.setData(sameFormat ? current.withPath(relative) : folder ? DataBinding.images(relative) : DataBinding.csv(relative));
        }
    }

    private Path defaultOut() {
        String name = project.getFileName().toString().replaceFirst("\\.deepcanvas$", "");
        return project.toAbsolutePath().resolveSibling(name + ModelBundle.EXTENSION);
    }

    private static String describe(TrainingEvent.Outcome outcome) {
        return switch (outcome) {
            case COMPLETED -> "Finished";
            case STOPPED -> "Stopped";
            case EARLY_STOPPED -> "Stopped early (no better validation loss)";
        };
    }
}
