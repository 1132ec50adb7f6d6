package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.train.Trainer;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 10, point 5: the estimated time per epoch (this machine's calibration × the design's cost)
 * against the measured one, for the samples. Each sample trains two epochs through the product's
 * own path; the second epoch is the one measured (the first carries the JIT's warm-up).
 *
 * <p>Usage: bench/run-estimate.sh [sample ...] (default: the table and image samples and the text ones).
 */
public final class EstimateBenchmark {

    private EstimateBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> samples = args.length > 0 ? List.of(args) : List.of("iris", "breast-cancer", "diabetes", "digits", "mnist", "names",
                "spam-filter", "spam-transformer", "air-passengers");
        Calibration calibration = Calibration.remembered(AppHome.folder());
        System.out.println("calibration: " + calibration);
        System.out.printf(Locale.ROOT, "%-18s %10s %10s %8s%n", "sample", "estimated", "measured", "ratio");
        for (String name : samples) {
            Path file = Path.of("samples", name, name + DocumentFiles.EXTENSION);
            NetworkDocument doc = new DocumentFiles().load(file);
            doc.setTraining(doc.training().toBuilder().epochs(2).earlyStopping(0, false).build());
            TrainingRun run = TrainingRun.prepare(doc, file);
            double estimated = run.estimatedEpochSeconds(AppHome.folder());
            List<Duration> ends = new ArrayList<>();
            Trainer trainer = run.trainer();
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.EpochEnded end) {
                    ends.add(end.elapsed());
                }
            });
            trainer.run();
            double measured = (ends.get(1).toNanos() - ends.get(0).toNanos()) / 1e9;
            System.out.printf(Locale.ROOT, "%-18s %9.2fs %9.2fs %8.2f%n", name, estimated, measured, estimated / measured);
        }
    }
}
