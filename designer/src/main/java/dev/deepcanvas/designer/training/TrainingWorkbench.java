package dev.deepcanvas.designer.training;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.canvas.NetworkCanvas;
import dev.deepcanvas.designer.data.DataPanel;
import dev.deepcanvas.designer.evaluation.EvaluationView;
import dev.deepcanvas.designer.files.FileDialogs;
import dev.deepcanvas.designer.insight.DecisionBoundaryView;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.StartWeights;
import dev.deepcanvas.designer.tryit.TryItView;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.designer.ui.UiAction;
import dev.deepcanvas.runtime.bundle.ModelBundle;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything about training in the window: the Data, Training, Evaluation, Decision Boundary and
 * Try It tabs, the Train menu's actions, and the wiring between them and the canvas. The panels do
 * not know each other; they all follow the {@link TrainingController}.
 */
public final class TrainingWorkbench {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingWorkbench.class);

    private final DesignerModel model;
    private final Background background;
    private final Supplier<FileDialogs> dialogs;
    private final TrainingController controller;
    private final DataPanel data;
    private DashboardView dashboard;
    private final LayerHistogramsView histograms = new LayerHistogramsView();
    private final EvaluationView evaluation = new EvaluationView();
    private final DecisionBoundaryView boundary = new DecisionBoundaryView();
    private final TryItView tryIt;
    private TrainingPanel trainingPanel;
    private final UiAction[] runActions;
    private final List<UiAction> actions;
    private final Tab dataTab;
    private final Tab trainingTab;
    private final Tab evaluationTab;
    private final Tab boundaryTab;
    private final Tab tryTab;

    public TrainingWorkbench(DesignerModel model, NetworkCanvas canvas, Background background, Supplier<FileDialogs> dialogs, Path home) {
        this.model = model;
        this.background = background;
        this.dialogs = dialogs;
        this.controller = new TrainingController(model, background, () -> home.resolve("untitled.deepcanvas"));
        this.data = new DataPanel(model, background, dialogs, home);
        this.tryIt = new TryItView(background,
                () -> dialogs.get().chooseOpen(null, "Choose an image", "Images", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif"));

        var state = controller.stateProperty();
        BooleanBinding busy = Bindings.createBooleanBinding(() -> state.get().busy(), state);
        UiAction train = UiAction.of("train", "Train", Icons.TRAIN, "Shortcut+T", this::train).disabledWhen(busy);
        UiAction pause = UiAction.of("pause", "Pause", Icons.PAUSE, "Shortcut+Shift+P", controller::pause)
                .disabledWhen(state.isNotEqualTo(TrainingController.State.RUNNING));
        UiAction resume = UiAction.of("resume", "Resume", Icons.RESUME, "Shortcut+Shift+R", controller::resume)
                .disabledWhen(state.isNotEqualTo(TrainingController.State.PAUSED));
        UiAction stop = UiAction.of("stop", "Stop", Icons.STOP, "Shortcut+Period", controller::stop)
                .disabledWhen(state.isNotEqualTo(TrainingController.State.RUNNING).and(state.isNotEqualTo(TrainingController.State.PAUSED)));
        var noResult = controller.resultProperty().isNull();
        UiAction saveModel = UiAction.of("save-model", "Save Trained Model…", Icons.SAVE_MODEL, null, this::saveModel).disabledWhen(noResult);
        UiAction exportCharts = UiAction.of("export-charts", "Export Charts as PNG…", Icons.IMAGE, null, this::exportCharts)
                .disabledWhen(Bindings.isEmpty(controller.runs()));
        UiAction exportHistory = UiAction.of("export-history", "Export Metric History as CSV…", Icons.TABLE, null, this::exportHistory)
                .disabledWhen(noResult);
        UiAction startFrom = UiAction.of("start-from", "Start from Trained Weights…", Icons.SAVE_MODEL, null, this::chooseStartWeights)
                .disabledWhen(busy);
        UiAction startFresh = UiAction.of("start-fresh", "Start from Fresh Weights", null, null, () -> {
            model.setStartWeights(null);
            model.setMessage("The next run starts from fresh weights.");
        }).disabledWhen(model.startWeightsProperty().isNull());
        actions = List.of(train, pause, resume, stop, saveModel, exportCharts, exportHistory, startFrom, startFresh);

        runActions = new UiAction[] {train, pause, resume, stop};

        dataTab = tab("Data", "data-tab", data);
        // the charts are built when first shown: loading ChartFX would delay the window's first frame
        trainingTab = tab("Training", "training-tab", new javafx.scene.layout.StackPane());
        trainingTab.selectedProperty().addListener((o, was, is) -> {
            if (is) {
                trainingPanel();
            }
        });
        evaluationTab = tab("Evaluation", "evaluation-tab", evaluation);
        boundaryTab = tab("Boundary", "boundary-tab", boundary);
        tryTab = tab("Try It", "try-tab", tryIt);

        controller.layersProperty().addListener((o, a, layers) -> {
            canvas.showLayerHealth(layers);
            histograms.show(model.selection().single().orElse(null), layers);
        });
        model.selection().nodes().addListener((javafx.collections.SetChangeListener<String>) c ->
                histograms.show(model.selection().single().orElse(null), controller.layersProperty().get()));
        controller.resultProperty().addListener((o, a, r) -> {
            if (r != null) {
                evaluation.show(r);
                tryIt.show(r);
                model.setMessage(r.summary() + " See the Evaluation and Try It tabs.");
            }
        });
        controller.boundaryDataProperty().addListener((o, a, b) -> boundary.setData(b));
        controller.boundaryProperty().addListener((o, a, g) -> {
            if (g != null) {
                boundary.setGrid(g);
            }
        });
    }

    private static Tab tab(String title, String id, Node content) {
        Tab t = new Tab(title, content); // no icon: seven tabs must fit beside the palette and inspector
        t.setId(id);
        return t;
    }

    /** Train: shows the dashboard and starts (problems go to the problems panel instead). */
    public void train() {
        trainingPanel();
        if (trainingTab.getTabPane() != null) {
            trainingTab.getTabPane().getSelectionModel().select(trainingTab);
        }
        controller.train();
    }

    private Path folder() {
        return model.file() != null ? model.file().toAbsolutePath().getParent() : null;
    }

    private String baseName() {
        String name = model.file() != null ? model.file().getFileName().toString() : model.document().name();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /** Train → Start from Trained Weights…: the next runs start from a saved model where its layers fit (fine-tuning). */
    private void chooseStartWeights() {
        dialogs.get().chooseOpen(folder(), "Start from a trained model", "DeepCanvas models", "*" + ModelBundle.EXTENSION)
                .ifPresent(file -> background.run("start-weights", () -> StartWeights.of(file, ModelBundle.load(file)), start -> {
                    model.setStartWeights(start);
                    Map<String, String> preview = start.preview(model.document(), model.analysis());
                    long kept = preview.values().stream().filter(Objects::isNull).count();
                    model.setMessage(String.format(Locale.ROOT, "The next run starts from %s: %d of %d layers with weights keep its weights (marked"
                            + " \"from model\"; the others \"fresh\").", file.getFileName(), kept, preview.size()));
                }, e -> {
                    LOG.warn("cannot start from {}", file, e);
                    model.setMessage("Cannot start from " + file.getFileName() + ": "
                            + (e.getMessage() == null ? "the file is not a DeepCanvas model" : e.getMessage()));
                }));
    }

    private void saveModel() {
        RunResult r = controller.resultProperty().get();
        if (r == null) {
            return;
        }
        dialogs.get().chooseSave(folder(), baseName() + ModelBundle.EXTENSION, "Save the trained model", "DeepCanvas models",
                "*" + ModelBundle.EXTENSION).ifPresent(file -> background.run("save-model", () -> {
                    r.bundle().save(file);
                    return file;
                }, f -> model.setMessage("Saved the trained model to " + f + "."),
                        e -> model.setMessage("The model could not be saved to " + file + ": " + e.getMessage())));
    }

    private void exportCharts() {
        dialogs.get().chooseSave(folder(), baseName() + "-training.png", "Export the charts", "PNG images", "*.png").ifPresent(file -> {
            WritableImage image = dashboard().snapshot(null, null);
            var buffered = SwingFXUtils.fromFXImage(image, null);
            background.run("export-charts", () -> {
                File out = file.toFile();
                if (!ImageIO.write(buffered, "png", out)) {
                    throw new java.io.IOException("no PNG writer");
                }
                return file;
            }, f -> model.setMessage("Exported the charts to " + f + "."),
                    e -> model.setMessage("The charts could not be exported to " + file + ": " + e.getMessage()));
        });
    }

    private void exportHistory() {
        RunResult r = controller.resultProperty().get();
        if (r == null) {
            return;
        }
        String csv = r.history().toCsv();
        dialogs.get().chooseSave(folder(), baseName() + "-history.csv", "Export the metric history", "CSV files", "*.csv")
                .ifPresent(file -> background.run("export-history", () -> Files.writeString(file, csv), f -> model.setMessage(
                        "Exported the metric history to " + file + "."),
                        e -> model.setMessage("The history could not be written to " + file + ": " + e.getMessage())));
    }

    /** Data dropped onto the window: a CSV file or an image folder. */
    public boolean accepts(Path path) {
        String n = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return Files.isDirectory(path) || n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
    }

    public void dropData(Path path) {
        data.use(path);
        if (dataTab.getTabPane() != null) {
            dataTab.getTabPane().getSelectionModel().select(dataTab);
        }
    }

    public List<Tab> tabs() {
        return List.of(dataTab, trainingTab, evaluationTab, boundaryTab, tryTab);
    }

    public List<UiAction> actions() {
        return actions;
    }

    public TrainingController controller() {
        return controller;
    }

    public DataPanel data() {
        return data;
    }

    public DashboardView dashboard() {
        trainingPanel();
        return dashboard;
    }

    public EvaluationView evaluation() {
        return evaluation;
    }

    public DecisionBoundaryView boundary() {
        return boundary;
    }

    public TryItView tryIt() {
        return tryIt;
    }

    public LayerHistogramsView histograms() {
        return histograms;
    }

    /** The Training tab's content, built on first use. */
    public TrainingPanel trainingPanel() {
        if (trainingPanel == null) {
            dashboard = new DashboardView(controller);
            trainingPanel = new TrainingPanel(model, controller, dashboard, runActions);
            SplitPane split = new SplitPane(trainingPanel, histograms);
            split.setDividerPositions(0.74);
            SplitPane.setResizableWithParent(histograms, false);
            trainingTab.setContent(split);
        }
        return trainingPanel;
    }
}
