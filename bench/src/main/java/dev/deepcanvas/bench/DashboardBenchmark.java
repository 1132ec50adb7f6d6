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
        });
        headless(doc, project); // warm-up (JIT, native libraries, the charts' drawing code)
        inWindow(window, null);

        List<Double> bare = new ArrayList<>();
        List<Double> shown = new ArrayList<>();
        List<Double> frames = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            bare.add(headless(doc, project));
            shown.add(inWindow(window, fullSpeed ? frames : null));
            System.out.printf("round %d: headless %.0f samples/s, dashboard %.0f samples/s (ratio %.3f)%n", r + 1, bare.get(r),
                    shown.get(r), shown.get(r) / bare.get(r));
        }
        double b = median(bare);
        double s = median(shown);
        System.out.printf("throughput, median of %d: headless %.0f, with dashboard %.0f samples/s -> ratio %.3f (goal >= 0.98)%n", rounds,
                b, s, s / b);
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

    /** Samples per second of training time (sum of epochs' elapsed), without any window. */
    private static double headless(NetworkDocument doc, Path project) throws Exception {
        TrainingRun run = TrainingRun.prepare(doc, project);
        TrainingHistory history = new TrainingHistory();
        run.trainer().addListener(history);
        TrainingEvent end = run.trainer().run();
        return throughput(run.data().train().size(), history, end);
    }

    private static double throughput(int examples, TrainingHistory history, TrainingEvent end) {
        if (!(end instanceof TrainingEvent.Finished f)) {
            throw new IllegalStateException("training failed: " + end);
        }
        var last = history.epochs().get(history.epochs().size() - 1);
        return (double) examples * f.epochsRun() / (last.elapsed().toNanos() / 1e9);
    }

    /** CPU time so far of the JavaFX and renderer threads, in ms. */
    static java.util.Map<String, Long> uiCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (var info : mx.dumpAllThreads(false, false)) {
            String n = info.getThreadName();
            String key = n.startsWith("JavaFX Application") ? "fx" : n.startsWith("QuantumRenderer") ? "render"
                    : n.startsWith("deepcanvas-trainer") ? "trainer" : null;
            if (key != null) {
                out.merge(key, mx.getThreadCpuTime(info.getThreadId()) / 1_000_000, Long::sum);
            }
        }
        return out;
    }

    /** The same run from the window's Train command, the dashboard following it. */
    private static double inWindow(DesignerWindow window, List<Double> frames) throws Exception {
        var before = uiCpu();
        long t0 = System.nanoTime();
        try {
            return inWindowRun(window, frames);
        } finally {
            var after = uiCpu();
            StringBuilder sb = new StringBuilder(String.format("  window run %.1f s wall; CPU ms:", (System.nanoTime() - t0) / 1e9));
            after.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v - before.getOrDefault(k, 0L)));
            System.out.println(sb);
        }
    }

    private static double inWindowRun(DesignerWindow window, List<Double> frames) throws Exception {
        TrainingController c = window.training().controller();
        java.util.Map<String, Long>[] atStart = new java.util.Map[1];
        int[] flushesAtStart = new int[1];
        fx(() -> c.stateProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends TrainingController.State> o, TrainingController.State a,
                    TrainingController.State b) {
                if (b == TrainingController.State.RUNNING) {
                    atStart[0] = uiCpu();
                    flushesAtStart[0] = c.flushes();
                } else if (b == TrainingController.State.EVALUATING) {
                    var now = uiCpu();
                    StringBuilder sb = new StringBuilder("  while training: " + (c.flushes() - flushesAtStart[0]) + " redraws; CPU ms:");
                    now.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v - atStart[0].getOrDefault(k, 0L)));
                    System.out.println(sb);
                    o.removeListener(this);
                }
            }
        }));
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Double> intervals = new ArrayList<>();
        AnimationTimer[] timer = new AnimationTimer[1];
        fx(() -> {
            c.resultProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends dev.deepcanvas.designer.training.RunResult> o,
                        dev.deepcanvas.designer.training.RunResult a, dev.deepcanvas.designer.training.RunResult b) {
                    o.removeListener(this);
                    done.complete(null);
                }
            });
            timer[0] = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0 && c.state() == TrainingController.State.RUNNING) {
                        intervals.add((now - last) / 1e6);
                    }
                    last = now;
                }
            };
            timer[0].start();
            window.fire("train");
        });
        done.get(600, TimeUnit.SECONDS);
        fx(() -> timer[0].stop());
        if (frames != null) {
            frames.addAll(intervals.subList(Math.min(intervals.size(), 5), intervals.size()));
        }
        var result = fxGet(() -> c.resultProperty().get());
        var epochs = result.history().epochs();
        var last = epochs.get(epochs.size() - 1);
        return (double) result.data().train().size() * epochs.size() / (last.elapsed().toNanos() / 1e9);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static void fx(Runnable r) {
        FxThread.run(r, 600);
    }

    private static <T> T fxGet(Supplier<T> s) {
        return FxThread.get(s, 600);
    }
}
