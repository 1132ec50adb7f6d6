package dev.deepcanvas.bench;

import dev.deepcanvas.designer.DesignerServices;
import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.background.FxBackground;
import dev.deepcanvas.designer.files.FxFileDialogs;
import dev.deepcanvas.designer.files.FxPrompts;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.designer.training.TrainingController;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.insight.TrainingHistory;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Issue 5 benchmark: training throughput of the same run (the digits sample, a small CNN) with the
 * window's live dashboard open vs headless, interleaved so drift hits both alike; and the JavaFX
 * thread's frame time while the dashboard follows a run (pulses at full speed, so the interval
 * between pulses is the frame time). Usage: bench/run-dashboard.sh [rounds] [epochs]
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {}

    /** One training run: samples per second over all epochs, and the median epoch (robust to the odd slow epoch). */
    record Run(double throughput, double medianEpochMs) {
        static Run of(int examples, TrainingHistory history) {
            var epochs = history.epochs();
            double[] ms = new double[epochs.size()];
            long previous = 0;
            for (int i = 0; i < ms.length; i++) {
                long now = epochs.get(i).elapsed().toNanos();
                ms[i] = (now - previous) / 1e6;
                previous = now;
            }
            java.util.Arrays.sort(ms);
            return new Run((double) examples * epochs.size() / (previous / 1e9), ms[ms.length / 2]);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        Path project = Path.of(args.length > 2 ? args[2] : "samples/digits/digits.deepcanvas").toAbsolutePath();
        NetworkDocument doc = new DocumentFiles().load(project);
        doc.setTraining(doc.training().toBuilder().epochs(epochs).build());
        boolean fullSpeed = Boolean.getBoolean("javafx.animation.fullspeed");
        System.out.printf("%s: %d epochs per run, %d rounds; full-speed pulses: %s%n", project.getFileName(), epochs, rounds, fullSpeed);

        CompletableFuture<DesignerWindow> started = new CompletableFuture<>();
        Path home = java.nio.file.Files.createTempDirectory("deepcanvas-bench-home");
        Platform.startup(() -> {
            DesignerServices services = new DesignerServices(new Settings(home), new FxBackground(), FxFileDialogs::new, FxPrompts::new,
                    () -> "n/a", DesignerServices.AUTOSAVE, Templates.standard());
            DesignerWindow w = new DesignerWindow(new Stage(), services);
            w.show();
            started.complete(w);
        });
        DesignerWindow window = started.get(60, TimeUnit.SECONDS);
        fx(() -> {
            window.files().load(project);
            window.model().execute(window.model().edits().training(doc.training(), "epochs"));
            window.showTab("training-tab");
            // as after clicking Train: no text field has the focus (a blinking caret would keep the idle window busy)
            window.training().dashboard().requestFocus();
        });
        // warm-up: JIT, native libraries, the charts' drawing code (the window's code takes longer to compile)
        headless(doc, project);
        inWindow(window, null);
        inWindow(window, null);

        List<Run> bare = new ArrayList<>();
        List<Run> shown = new ArrayList<>();
        List<Double> frames = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // Alternate which goes first, so that what one run leaves behind hits both alike.
            if (r % 2 == 0) {
                bare.add(headless(doc, project));
                shown.add(inWindow(window, fullSpeed ? frames : null));
            } else {
                shown.add(inWindow(window, fullSpeed ? frames : null));
                bare.add(headless(doc, project));
            }
            System.out.printf("round %d: headless %.0f samples/s (median epoch %.0f ms), dashboard %.0f samples/s (%.0f ms): ratio %.3f%n",
                    r + 1, bare.get(r).throughput(), bare.get(r).medianEpochMs(), shown.get(r).throughput(), shown.get(r).medianEpochMs(),
                    shown.get(r).throughput() / bare.get(r).throughput());
        }
        double[] byThroughput = new double[rounds];
        double[] byMedianEpoch = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            byThroughput[r] = shown.get(r).throughput() / bare.get(r).throughput();
            byMedianEpoch[r] = bare.get(r).medianEpochMs() / shown.get(r).medianEpochMs();
        }
        System.out.println("dashboard/headless throughput, per round: " + summary(byThroughput) + " (goal >= 0.98)");
        System.out.println("dashboard/headless by median epoch, per round: " + summary(byMedianEpoch));
        if (!frames.isEmpty()) {
            double[] ms = frames.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("FX frame time while training: %d frames, median %.1f ms, p95 %.1f ms, max %.1f ms (goal p95 <= 16 ms)%n",
                    ms.length, ms[ms.length / 2], ms[(int) (ms.length * 0.95)], ms[ms.length - 1]);
        }
        int flushes = fxGet(() -> window.training().controller().flushes());
        System.out.println("dashboard refreshes in total: " + flushes);
        Platform.exit();
        System.exit(0);
    }

    /** Geometric mean of ratios with an approximate 95 % interval (mean of logs ± 2 standard errors), and the median. */
    static String summary(double[] ratios) {
        int n = ratios.length;
        double[] logs = java.util.Arrays.stream(ratios).map(Math::log).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElse(0);
        double[] sorted = ratios.clone();
        java.util.Arrays.sort(sorted);
        if (n < 3) {
            return String.format("mean %.3f, median %.3f", Math.exp(mean), sorted[n / 2]);
        }
        double sd = Math.sqrt(java.util.Arrays.stream(logs).map(x -> (x - mean) * (x - mean)).sum() / (n - 1));
        double half = 2 * sd / Math.sqrt(n);
        return String.format("geometric mean %.3f (95 %% interval %.3f..%.3f), median %.3f", Math.exp(mean), Math.exp(mean - half),
                Math.exp(mean + half), sorted[n / 2]);
    }

    /** A run without any window, on this thread. */
    private static Run headless(NetworkDocument doc, Path project) throws Exception {
        TrainingRun run = TrainingRun.prepare(doc, project);
        TrainingHistory history = new TrainingHistory();
        run.trainer().addListener(history);
        var cpu = ThreadCpu.snapshot();
        TrainingEvent end = run.trainer().run();
        String used = ThreadCpu.since(cpu);
        if (!(end instanceof TrainingEvent.Finished)) {
            throw new IllegalStateException("training failed: " + end);
        }
        System.out.println("  headless run; CPU ms: " + used + memory());
        return Run.of(run.data().train().size(), history);
    }

    /** The same run from the window's Train command, the dashboard following it. */
    private static Run inWindow(DesignerWindow window, List<Double> frames) throws Exception {
        TrainingController c = window.training().controller();
        List<java.util.Map<String, Long>> cpu = new ArrayList<>();
        int[] redraws = new int[2];
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Double> intervals = new ArrayList<>();
        AnimationTimer timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0 && c.state() == TrainingController.State.RUNNING) {
                    intervals.add((now - last) / 1e6);
                }
                last = now;
            }
        };
        fx(() -> {
            c.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends TrainingController.State> o, TrainingController.State a,
                        TrainingController.State b) {
                    if (b == TrainingController.State.RUNNING) {
                        cpu.add(ThreadCpu.snapshot());
                        redraws[0] = c.flushes();
                    } else if (b == TrainingController.State.EVALUATING) {
                        cpu.add(ThreadCpu.snapshot());
                        redraws[1] = c.flushes();
                        o.removeListener(this);
                    }
                }
            });
            c.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.deepcanvas.designer.training.RunResult> o,
                        dev.deepcanvas.designer.training.RunResult a, dev.deepcanvas.designer.training.RunResult b) {
                    o.removeListener(this);
                    done.complete(null);
                }
            });
            if (frames != null) {
                timer.start(); // forces a pulse every frame: only when frame times are measured, as it costs CPU itself
            }
            window.fire("train");
        });
        done.get(600, TimeUnit.SECONDS);
        fx(timer::stop);
        if (frames != null) {
            frames.addAll(intervals.subList(Math.min(intervals.size(), 5), intervals.size()));
        }
        var result = fxGet(() -> c.resultProperty().get());
        System.out.println("  window run, " + (redraws[1] - redraws[0]) + " redraws; CPU ms: " + ThreadCpu.between(cpu.get(0), cpu.get(1))
                + memory());
        return Run.of(result.data().train().size(), result.history());
    }

    /**
     * Memory still in use once garbage is collected: Java heap and ND4J's native memory (JavaCPP's
     * count), in MB. Collecting here also means every run starts from a collected heap instead of
     * paying for the previous run's garbage.
     */
    private static String memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return String.format("; heap %d MB, native %d MB, resident %d MB", (rt.totalMemory() - rt.freeMemory()) >> 20,
                org.bytedeco.javacpp.Pointer.totalBytes() >> 20, org.bytedeco.javacpp.Pointer.physicalBytes() >> 20);
    }

    private static void fx(Runnable r) {
        FxThread.run(r, 600);
    }

    private static <T> T fxGet(Supplier<T> s) {
        return FxThread.get(s, 600);
    }
}
