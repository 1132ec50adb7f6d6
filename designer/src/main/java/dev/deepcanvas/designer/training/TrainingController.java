package dev.deepcanvas.designer.training;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.StartWeights;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.evaluate.TestReport;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.insight.DecisionBoundary;
import dev.deepcanvas.runtime.insight.TrainingHistory;
import dev.deepcanvas.runtime.project.DataPreparer;
import dev.deepcanvas.runtime.project.ProjectException;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.EpochExamples;
import dev.deepcanvas.runtime.train.LayerHealth;
import dev.deepcanvas.runtime.train.LayerProbe;
import dev.deepcanvas.runtime.train.Trainer;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.Failed;
import dev.deepcanvas.runtime.train.TrainingEvent.Finished;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training from the window: prepares the project in the background (problems go to the
 * problems panel), starts the trainer on its own thread, brings its events to the views at most
 * {@link #MAX_REDRAWS_PER_SECOND} times a second, and scores the model in the background when the
 * run ends. The JavaFX thread never calls DL4J.
 */
public final class TrainingController {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingController.class);

    /** Chart and canvas updates per second at most, however fast batches end (fewer on small machines, see {@link RedrawBudget}). */
    public static final int MAX_REDRAWS_PER_SECOND = 30;
    /**
     * Share of the machine's CPU the window may use for live updates while training (the goal is
     * training at 98 % of its headless speed with the dashboard open).
     */
    static final double UI_SHARE = 0.005;
    /** Cells of the decision map along each axis. */
    static final int BOUNDARY_CELLS = 96;
    /** The decision map is computed at most this often (it runs the network on the whole grid). */
    static final long BOUNDARY_EVERY_NANOS = 150_000_000L;

    public enum State {
        IDLE, PREPARING, RUNNING, PAUSED, STOPPING, EVALUATING;

        public boolean busy() {
            return this != IDLE;
        }
    }

    private final DesignerModel model;
    private final Background background;
    private final Supplier<Path> untitledProject;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Map<String, LayerHealth>> layers = new ReadOnlyObjectWrapper<>(this, "layers");
    private final ReadOnlyObjectWrapper<BoundaryData> boundaryData = new ReadOnlyObjectWrapper<>(this, "boundaryData");
    private final ReadOnlyObjectWrapper<DecisionBoundary.Grid> boundary = new ReadOnlyObjectWrapper<>(this, "boundary");
    private final ObservableList<RunSeries> runs = FXCollections.observableArrayList();
    /** Schedules coalesced redraws: at most one pending, never sooner than the budget allows. */
    private static final ScheduledExecutorService REDRAWS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepcanvas-dashboard");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean redrawPending = new AtomicBoolean();
    private final UiCpuClock uiCpu = new UiCpuClock();
    private RedrawBudget budget;
    private volatile long nextRedraw;
    private long lastRedrawWall;
    private long lastRedrawCpu;
    private int flushes;
    private Trainer trainer;
    private TrainingRun run;
    private LiveMetrics live;
    private LayerProbe probe;
    private NetworkDocument previousDocument;
    private double estimatedEpochSeconds = Double.NaN;
    private volatile long stopPressed;
    private volatile long stopMillis = -1;

    /**
     * @param untitledProject where a never-saved project is taken to live (its data path is then
     *     absolute, so this only has to be some file path)
     */
    public TrainingController(DesignerModel model, Background background, Supplier<Path> untitledProject) {
        this.model = model;
        this.background = background;
        this.untitledProject = untitledProject;
        model.selection().nodes().addListener((javafx.collections.SetChangeListener<String>) c -> watchSelection());
    }

    // ------------------------------------------------------------------ commands

    /** Prepares the project and starts training; problems that stop it go to the problems panel. */
    public void train() {
        if (state.get().busy()) {
            return;
        }
        NetworkDocument doc = Documents.copy(model.document());
        if (doc.data().isEmpty()) {
            model.dataProblems().setAll(Diagnostic.error(null, "No training data is bound to this network.",
                    "Open the Data tab and choose a CSV file or an image folder (or drop one onto the window)."));
            model.setMessage("Training needs data: choose a CSV file or an image folder in the Data tab.");
            return;
        }
        Path project = model.file() != null ? model.file() : untitledProject.get();
        model.dataProblems().clear();
        outcome.set("");
        state.set(State.PREPARING);
        progressText.set("Preparing the data and the network…");
        progress.set(-1);
        DataPreparer preparer = model.dataPreparer();
        StartWeights start = model.startWeightsProperty().get();
        background.run("prepare", () -> prepare(doc, project, preparer, start), this::start, this::prepareFailed);
    }

    /**
     * @param memoryWarning set when the run's estimated memory exceeds what ND4J may allocate
     * @param epochSeconds the estimated time per epoch on this machine, NaN when it could not be estimated
     * @param startedFrom which layers start from a trained model's weights ("iris.dcmodel: kept …"), empty for fresh weights
     */
    private record Prepared(TrainingRun run, BoundaryData boundary, Path dataPath, Optional<String> memoryWarning, double epochSeconds,
            String startedFrom) {}

    /**
     * In the background: everything that reads files or loads DL4J. The data the Data tab
     * prepared is used as it is when nothing it depends on changed since.
     */
    private static Prepared prepare(NetworkDocument doc, Path project, DataPreparer preparer, StartWeights start) throws Exception {
        Optional<PreparedData> ready = preparer.ready(doc, project);
        TrainingRun run = ready.isPresent()
                ? TrainingRun.prepare(doc, ShapeInference.analyse(doc), ready.get())
                : TrainingRun.prepare(doc, project);
        DataBinding binding = doc.data().orElseThrow();
        Path dataPath = DocumentFiles.resolveData(binding, project);
        BoundaryData points = null;
        PreparedData data = run.data();
        if (data.encoding() instanceof TabularEncoding table && DecisionBoundary.applies(table)
                && !data.target().classNames().isEmpty()) {
            points = BoundaryData.read(dataPath, table, data.target().classNames());
        }
        String startedFrom = start == null ? "" : start.file().getFileName() + ": " + run.startFrom(start.bundle()).describe();
        return new Prepared(run, points, dataPath, run.memoryWarning(), estimate(run), startedFrom);
    }

    /** From the calibration (measured once per machine, a few seconds); a failure only loses the estimate. */
    private static double estimate(TrainingRun run) {
        try {
            return run.estimatedEpochSeconds(AppHome.folder());
        } catch (RuntimeException e) {
            LOG.warn("no time estimate for this run", e);
            return Double.NaN;
        }
    }

    private void prepareFailed(Throwable error) {
        state.set(State.IDLE);
        progress.set(0);
        progressText.set("");
        if (error instanceof ProjectException p) {
            model.dataProblems().setAll(p.problems());
            int n = p.problems().size();
            model.setMessage("Training cannot start: " + n + (n == 1 ? " problem" : " problems") + " in the Problems panel.");
            outcome.set("Training cannot start: see the Problems panel.");
        } else if (error instanceof IOException) {
            outcome.set("The data could not be read: " + error.getMessage());
            model.setMessage(outcome.get());
        } else {
            outcome.set("Training could not start: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
            model.setMessage(outcome.get());
        }
    }

    private void start(Prepared prepared) {
        run = prepared.run();
        model.setEpochExamples(EpochExamples.of(run.data()));
        NetworkDocument doc = run.document();
        boolean classification = !run.data().target().classNames().isEmpty();
        RunSeries series = new RunSeries(runs.size() + 1, RunDescription.of(runs.size() + 1, doc, previousDocument), classification);
        previousDocument = doc;
        live = new LiveMetrics(series);
        live.expectEpochs(doc.training().epochs());
        live.expectEpochSeconds(prepared.epochSeconds());
        estimatedEpochSeconds = prepared.epochSeconds();
        runs.add(series);
        boundaryData.set(prepared.boundary());
        boundary.set(null);
        layers.set(null);

        TrainingHistory history = new TrainingHistory();
        trainer = run.trainer();
        // At most once a second: the badges are for seeing trends, not every step.
        probe = new LayerProbe(1000);
        trainer.setLayerProbe(probe);
        watchSelection();
        trainer.addListener(live);
        trainer.addListener(history);
        trainer.addListener(e -> requestRedraw());
        if (prepared.boundary() != null) {
            BoundaryData b = prepared.boundary();
            TrainingRun r = run;
            LiveMetrics l = live;
            long[] last = {0};
            trainer.addListener(e -> {
                // on the trainer's thread, between batches: never while the network is fitting
                if (e instanceof EpochEnded && System.nanoTime() - last[0] >= BOUNDARY_EVERY_NANOS) {
                    last[0] = System.nanoTime();
                    boundaryOf(r, b).ifPresent(l::offerBoundary);
                }
            });
        }
        Path dataPath = prepared.dataPath();
        String label = series.label();
        stopPressed = 0;
        stopMillis = -1;
        trainer.result().whenComplete((event, error) -> {
            long pressed = stopPressed;
            if (pressed != 0) {
                stopMillis = (System.nanoTime() - pressed) / 1_000_000;
            }
            Platform.runLater(() -> ended(event, history, dataPath, label));
        });
        state.set(State.RUNNING);
        model.setMessage("Training " + series.label() + (prepared.startedFrom().isEmpty() ? "…" : " from " + prepared.startedFrom() + "…"));
        // the estimate can be off, so the run goes ahead; the warning names the batch size that fits
        prepared.memoryWarning().ifPresent(w -> outcome.set("Warning: " + w));
        progressText.set(Double.isNaN(prepared.epochSeconds()) ? "Starting…"
                : "Starting… estimated " + Calibration.describe(prepared.epochSeconds()) + " per epoch on this machine");
        progress.set(0);
        budget = new RedrawBudget(UI_SHARE, Runtime.getRuntime().availableProcessors());
        nextRedraw = 0;
        lastRedrawWall = System.nanoTime();
        lastRedrawCpu = uiCpu.nanos();
        trainer.start();
    }

    private static java.util.Optional<DecisionBoundary.Grid> boundaryOf(TrainingRun r, BoundaryData b) {
        try {
            return r.decisionBoundary(b.xMin(), b.xMax(), b.yMin(), b.yMax(), BOUNDARY_CELLS, BOUNDARY_CELLS);
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    public void pause() {
        if (state.get() == State.RUNNING) {
            trainer.pause();
            state.set(State.PAUSED);
        }
    }

    public void resume() {
        if (state.get() == State.PAUSED) {
            trainer.resume();
            state.set(State.RUNNING);
        }
    }

    /** Ends the run after the batch in progress; the model so far is scored as usual. */
    public void stop() {
        if (state.get() == State.RUNNING || state.get() == State.PAUSED) {
            state.set(State.STOPPING);
            stopPressed = System.nanoTime();
            trainer.stop();
        }
    }

    /**
     * On the trainer's thread after every event: schedules one redraw unless one is pending, no
     * sooner than the budget allows. Costs a compare-and-set when one is pending.
     */
    private void requestRedraw() {
        if (redrawPending.compareAndSet(false, true)) {
            long delay = Math.max(0, nextRedraw - System.nanoTime());
            REDRAWS.schedule(() -> Platform.runLater(this::redraw), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void redraw() {
        redrawPending.set(false);
        flush();
        long now = System.nanoTime();
        long cpu = uiCpu.nanos();
        if (budget != null) {
            nextRedraw = now + budget.update(now - lastRedrawWall, cpu - lastRedrawCpu);
        }
        lastRedrawWall = now;
        lastRedrawCpu = cpu;
    }

    /** The window closes: a run in progress is stopped (its thread would otherwise keep the application alive). */
    public void shutdown() {
        Trainer t = trainer;
        if (t != null && (state.get() == State.RUNNING || state.get() == State.PAUSED || state.get() == State.STOPPING)) {
            t.stop();
        }
    }

    private void ended(TrainingEvent last, TrainingHistory history, Path dataPath, String label) {
        flush();
        if (!(last instanceof Finished finished)) {
            Failed failed = last instanceof Failed f ? f : new Failed("Training stopped unexpectedly.", "Try again.", 0, 0);
            outcome.set(failed.message() + " " + failed.hint());
            model.setMessage(failed.message());
            state.set(State.IDLE);
            return;
        }
        // shown as the progress line; the outcome line is for what went wrong
        String summary = summary(finished) + estimateNote(finished, estimatedEpochSeconds);
        state.set(State.EVALUATING);
        progressText.set(summary + " · scoring on the test split…");
        TrainingRun r = run;
        BoundaryData points = boundaryData.get();
        // one background task: the network is never run by two threads at once
        background.run("evaluate", () -> {
            TestReport report = r.evaluate();
            DecisionBoundary.Grid finalMap = points == null ? null : boundaryOf(r, points).orElse(null);
            List<String> lines = OriginTexts.of(r.data(), dataPath);
            return new Scored(new RunResult(label, summary, report, r.testPredictions(), r.data(), dataPath, r.bundle(report), history,
                    lines), finalMap);
        }, done -> {
            if (done.boundary() != null) {
                boundary.set(done.boundary());
            }
            result.set(done.result());
            progressText.set(summary);
            state.set(State.IDLE);
        }, error -> {
            outcome.set(summary + " The model could not be scored: " + error.getMessage());
            progressText.set(summary);
            state.set(State.IDLE);
        });
    }

    private record Scored(RunResult result, DecisionBoundary.Grid boundary) {}

    static String summary(Finished f) {
        long s = f.elapsed().toSeconds();
        String time = String.format("%d:%02d", s / 60, s % 60);
        return switch (f.outcome()) {
            case COMPLETED -> "Completed " + f.epochsRun() + (f.epochsRun() == 1 ? " epoch" : " epochs") + " in " + time + ".";
            case STOPPED -> "Stopped after " + f.epochsRun() + (f.epochsRun() == 1 ? " epoch" : " epochs") + " (" + time + ").";
            case EARLY_STOPPED -> "Stopped early after " + f.epochsRun() + " epochs: no improvement since epoch " + f.bestEpoch() + ".";
        };
    }

    /** " Estimated about 4 s per epoch, measured 3.62 s.": how far the estimate is to be trusted on this machine. */
    static String estimateNote(Finished f, double estimatedSeconds) {
        if (Double.isNaN(estimatedSeconds) || f.epochsRun() == 0) {
            return "";
        }
        double measured = f.elapsed().toMillis() / 1000.0 / f.epochsRun();
        return String.format(Locale.ROOT, measured < 10 ? " Estimated %s per epoch, measured %.2f s." : " Estimated %s per epoch, measured %.0f s.",
                Calibration.describe(estimatedSeconds), measured);
    }

    private void watchSelection() {
        LayerProbe p = probe;
        if (p != null) {
            p.watch(model.selection().single().orElse(null));
        }
    }

    /** Moves what the trainer reported to the views (JavaFX thread). */
    void flush() {
        LiveMetrics l = live;
        if (l == null) {
            return;
        }
        flushes++;
        l.flush();
        Progress p = l.progress();
        if (p.epochs() > 0 && (state.get() == State.RUNNING || state.get() == State.PAUSED || state.get() == State.STOPPING)) {
            progress.set(p.fraction());
            progressText.set((state.get() == State.PAUSED ? "Paused · " : "") + p.text());
        }
        if (l.layers() != layers.get()) {
            layers.set(l.layers());
        }
        if (l.boundary() != null && l.boundary() != boundary.get()) {
            boundary.set(l.boundary());
        }
    }

    // ------------------------------------------------------------------ state for the views

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** 0 to 1, or -1 while preparing (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** How the last run ended, or why it could not start, in words. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Map<String, LayerHealth>> layersProperty() {
        return layers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BoundaryData> boundaryDataProperty() {
        return boundaryData.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DecisionBoundary.Grid> boundaryProperty() {
        return boundary.getReadOnlyProperty();
    }

    /** This session's runs, oldest first; the last is the current one. */
    public ObservableList<RunSeries> runs() {
        return runs;
    }

    /** How often the views were refreshed (for tests and the benchmark). */
    public int flushes() {
        return flushes;
    }

    /** Milliseconds from the last Stop to the end of the trainer's run, or -1 (for tests and the benchmark). */
    public long lastStopMillis() {
        return stopMillis;
    }
}
