package dev.deepcanvas.bench;

import dev.deepcanvas.designer.DesignerServices;
import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.canvas.NetworkCanvas;
import dev.deepcanvas.designer.files.FxFileDialogs;
import dev.deepcanvas.designer.files.FxPrompts;
import dev.deepcanvas.designer.files.Settings;
import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.designer.layout.AutoLayout;
import dev.deepcanvas.designer.layout.LayoutGraph;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.designer.validate.ShapeConnectionValidator;
import java.nio.file.Files;
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
 * Designer timings on the engine benchmark's 1,000-layer document, in a real window: open, auto-
 * layout, pan/zoom frame times (software rendering; pulses run at full speed so the interval
 * between pulses is the frame time), and re-validation after one edit. Run with
 * bench/run-designer.sh, which also measures cold start to the first frame.
 */
public final class DesignerBenchmark {

    private DesignerBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.println("JavaFX pipeline: prism.order=" + System.getProperty("prism.order")
                + ", full-speed pulses: " + System.getProperty("javafx.animation.fullspeed"));
        NetworkDocument big = EngineBenchmark.thousandLayers();
        Path dir = Files.createTempDirectory("deepcanvas-bench");
        Path file = dir.resolve("thousand.deepcanvas");
        new DocumentFiles().save(big, file);
        System.out.printf("document: %d layers, %d wires, %,d bytes%n", big.nodes().size(), big.edges().size(), Files.size(file));

        CompletableFuture<DesignerWindow> started = new CompletableFuture<>();
        Platform.startup(() -> {
            DesignerServices services = new DesignerServices(new Settings(dir.resolve("home")), Background.sameThread(),
                    FxFileDialogs::new, FxPrompts::new, () -> "n/a", DesignerServices.AUTOSAVE, Templates.standard());
            DesignerWindow w = new DesignerWindow(new Stage(), services);
            w.show();
            started.complete(w);
        });
        DesignerWindow window = started.get(60, TimeUnit.SECONDS);
        waitFrames(10);

        // ---------------------------------------------------------------- open
        double[] open = new double[5];
        for (int i = 0; i < open.length; i++) {
            long t0 = System.nanoTime();
            fx(() -> window.files().load(file));
            waitFrames(2);
            open[i] = (System.nanoTime() - t0) / 1e6;
            fx(() -> window.files().loadTemplate(Templates.STARTER));
            waitFrames(2);
        }
        print("open the 1,000-layer file (to drawn)", open);
        fx(() -> window.files().load(file));
        waitFrames(5);

        // ---------------------------------------------------------------- re-validation after one edit
        DesignerModel model = window.model();
        long[] edits = new long[1];
        report("re-validate after one edit (engine only)", 300, () -> fxGet(() -> {
            model.document().replace(model.document().node("dense_100").orElseThrow()
                    .withParam("activation", edits[0]++ % 2 == 0 ? "tanh" : "identity"));
            return ShapeInference.analyse(model.document());
        }));
        report("edit as a command + analysis + all views", 300, () -> fxGet(() ->
                model.setParam("dense_100", "units", edits[0]++ % 2 == 0 ? 32L : 64L)));
        ShapeConnectionValidator validator = new ShapeConnectionValidator(LayerCatalog.standard());
        report("connection check while dragging a wire", 100, () -> fxGet(() ->
                validator.check(model.document(), Edge.of("dense_100", "dense_50"))));

        // ---------------------------------------------------------------- auto-layout
        LayoutGraph graph = fxGet(() -> LayoutGraph.of(model.document(), LayerCatalog.standard()));
        report("auto-layout (ELK layered, compute)", 5, () -> new AutoLayout().layout(graph));
        double[] apply = new double[3];
        for (int i = 0; i < apply.length; i++) {
            long t0 = System.nanoTime();
            fx(window::autoLayout);
            waitFrames(2);
            apply[i] = (System.nanoTime() - t0) / 1e6;
            fx(model::undo);
            waitFrames(2);
        }
        print("auto-layout from the menu (to drawn)", apply);

        // ---------------------------------------------------------------- pan and zoom
        NetworkCanvas canvas = window.canvas();
        fx(() -> model.reveal("dense_500"));
        waitFrames(5);
        frames("pan at 100 % zoom", canvas, 240, false);
        fx(() -> canvas.zoomAt(0.5, canvas.getWidth() / 2, canvas.getHeight() / 2));
        waitFrames(5);
        frames("pan at 50 % zoom (text shown)", canvas, 240, false);
        frames("zoom in/out at 50 %", canvas, 240, true);
        fx(canvas::fitToView);
        waitFrames(5);
        System.out.printf("fit to view: zoom %.3f, %d layers drawn%n", fxGet(() -> canvas.zoomProperty().get()), fxGet(canvas::drawnLayers));
        frames("pan with the whole network in view", canvas, 240, false);
        frames("zoom in/out with the whole network in view", canvas, 240, true);
        fx(() -> window.fire("presentation"));
        fx(() -> model.reveal("dense_500"));
        waitFrames(5);
        frames("pan in presentation mode", canvas, 240, false);

        Platform.exit();
        System.exit(0);
    }

    /** Pans (or zooms in and out) once per pulse and prints the distribution of pulse intervals. */
    private static void frames(String what, NetworkCanvas canvas, int count, boolean zoom) throws Exception {
        List<Double> intervals = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private long last;
            private int n;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    intervals.add((now - last) / 1e6);
                }
                last = now;
                if (++n > count + 10) {
                    stop();
                    done.complete(null);
                    return;
                }
                if (zoom) {
                    canvas.zoomAt((n / 20) % 2 == 0 ? 1.03 : 1 / 1.03, canvas.getWidth() / 2, canvas.getHeight() / 2);
                } else {
                    canvas.panBy((n / 60) % 2 == 0 ? -9 : 9, (n / 30) % 2 == 0 ? 3 : -3);
                }
            }
        }.start());
        done.get(120, TimeUnit.SECONDS);
        double[] ms = intervals.stream().skip(10).mapToDouble(Double::doubleValue).toArray();
        print(what + " (frame time)", ms);
    }

    private static void fx(Runnable r) {
        FxThread.run(r, 120);
    }

    private static <T> T fxGet(Supplier<T> s) {
        return FxThread.get(s, 120);
    }

    /** Waits until this many pulses have passed (each draws the scene if it changed). */
    private static void waitFrames(int count) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> new AnimationTimer() {
            private int n;

            @Override
            public void handle(long now) {
                if (++n >= count) {
                    stop();
                    done.complete(null);
                }
            }
        }.start());
        done.get(120, TimeUnit.SECONDS);
    }

    private static void report(String what, int rounds, Supplier<Object> work) {
        EngineBenchmark.report(what, rounds, work);
    }

    private static void print(String what, double[] ms) {
        EngineBenchmarkPrint.print(what, ms);
    }

}
