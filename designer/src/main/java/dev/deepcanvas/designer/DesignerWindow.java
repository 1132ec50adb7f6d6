package dev.deepcanvas.designer;

import dev.deepcanvas.designer.canvas.NetworkCanvas;
import dev.deepcanvas.designer.files.Autosave;
import dev.deepcanvas.designer.files.CodeExport;
import dev.deepcanvas.designer.files.FileController;
import dev.deepcanvas.designer.files.RecoveryStore;
import dev.deepcanvas.designer.files.TemplateGallery;
import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.designer.inspector.InspectorView;
import dev.deepcanvas.designer.layout.AutoLayout;
import dev.deepcanvas.designer.layout.LayoutGraph;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.palette.PaletteModel;
import dev.deepcanvas.designer.palette.PaletteView;
import dev.deepcanvas.designer.problems.ProblemsView;
import dev.deepcanvas.designer.summary.SummaryView;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.designer.ui.StatusBar;
import dev.deepcanvas.designer.ui.Theme;
import dev.deepcanvas.designer.ui.UiAction;
import dev.deepcanvas.designer.ui.FirstFrame;
import dev.deepcanvas.runtime.catalog.LayerHelp;
import dev.deepcanvas.runtime.io.AppHome;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The designer's main window: menu bar and toolbar, palette on the left, canvas (and summary) in
 * the centre, inspector and problems on the right, status bar below. Wires the panels to the one
 * model; the panels do not know each other.
 */
public final class DesignerWindow {

    /** Created when first needed: starting the logging library costs time before the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(DesignerWindow.class);
    }

    private final Stage stage;
    private final DesignerServices services;
    private final DesignerModel model = DesignerModel.standard();
    private final NetworkCanvas canvas = new NetworkCanvas(model);
    private final PaletteView palette;
    private final InspectorView inspector = new InspectorView(model);
    private final ProblemsView problems = new ProblemsView(model);
    private final SummaryView summary = new SummaryView(model);
    private final StatusBar status = new StatusBar(model, canvas.zoomProperty());
    private final RecoveryStore recovery;
    private final FileController files;
    private final CodeExport codeExport;
    private final Autosave autosave;
    private final DesignerActions actions;
    private final dev.deepcanvas.designer.training.TrainingWorkbench training;
    private final SplitPane split = new SplitPane();
    private final TabPane centre = new TabPane();
    private boolean layoutRunning;

    public DesignerWindow(Stage stage, DesignerServices services) {
        this.stage = stage;
        this.services = services;
        this.recovery = new RecoveryStore(services.settings().home());
        this.files = new FileController(model, services.settings(), services.fileDialogs().apply(stage),
                services.prompts().apply(stage), services.templates(), recovery);
        this.codeExport = new CodeExport(model, services.fileDialogs().apply(stage), services.prompts().apply(stage), services.background());
        this.autosave = new Autosave(model, recovery, services.autosaveEvery());
        this.palette = new PaletteView(model, new PaletteModel(model.catalog(), model.help()));
        var dataDialogs = services.fileDialogs().apply(stage);
        this.training = new dev.deepcanvas.designer.training.TrainingWorkbench(model, canvas, services.background(), () -> dataDialogs,
                services.settings().home());
        this.actions = new DesignerActions(this);
        files.onRecentChanged(actions::refreshRecent);

        Tab canvasTab = new Tab("Canvas", canvas);
        canvasTab.setGraphic(Icons.icon(Icons.LAYOUT));
        canvasTab.setId("canvas-tab");
        Tab summaryTab = new Tab("Summary", summary);
        summaryTab.setGraphic(Icons.icon(Icons.PARAMS));
        summaryTab.setId("summary-tab");
        centre.getTabs().addAll(canvasTab, summaryTab);
        centre.getTabs().addAll(training.tabs());
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        summary.showingProperty().bind(summaryTab.selectedProperty());

        SplitPane right = new SplitPane(inspector, problems);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.58);
        split.getItems().addAll(palette, centre, right);
        split.setDividerPositions(0.2, 0.75);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(right, false);

        BorderPane root = new BorderPane(split);
        root.setTop(new VBox(actions.menuBar(), actions.toolBar()));
        root.setBottom(status);
        root.getStyleClass().add("designer");
        acceptDroppedData(root);

        boolean dark = services.settings().darkTheme();
        Theme.apply(dark);
        UiAction darkToggle = actions.get("dark");
        darkToggle.selectedProperty().set(dark);
        darkToggle.selectedProperty().addListener((o, a, on) -> {
            Theme.apply(on);
            services.settings().setDarkTheme(on);
        });
        actions.get("presentation").selectedProperty().addListener((o, a, on) -> setPresentation(on));

        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1440, screen.getWidth() * 0.95), Math.min(900, screen.getHeight() * 0.92));
        Theme.style(scene);
        actions.addAlternativeShortcuts(scene);
        var trainingState = training.controller().stateProperty();
        dev.deepcanvas.designer.ui.SteadyCaret.whenever(scene,
                javafx.beans.binding.Bindings.createBooleanBinding(() -> trainingState.get().busy(), trainingState));
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!confirmClose()) {
                e.consume();
            }
        });
    }

    /**
     * Shows the window with the starter network, then (after the first frame) offers to recover
     * work left by a crash, starts autosave and asks for the compute backend in the background.
     */
    public void show() {
        files.loadTemplate(Templates.STARTER);
        stage.show();
        // The canvas, not the palette's search field, starts with the focus: its shortcuts work at
        // once, and a focused text field's blinking caret would keep JavaFX redrawing while idle.
        canvas.requestFocus();
        FirstFrame.then(this::afterFirstFrame);
    }

    private void afterFirstFrame() {
        files.offerRecovery();
        autosave.start();
        services.background().run("backend", services.backend(),
                text -> {
                    status.backendProperty().set("Backend: " + text);
                    calibrate();
                },
                error -> {
                    log().warn("The compute backend did not start", error);
                    status.backendProperty().set("Backend: not available (training is off)");
                });
    }

    /**
     * Measures this machine's training speed once (a few seconds, remembered in the settings
     * folder) for the time per epoch in the Summary tab and the status bar.
     */
    private void calibrate() {
        services.background().run("calibration", () -> Calibration.remembered(AppHome.folder()), model::setCalibration,
                error -> log().warn("No time estimates: this machine's training speed could not be measured", error));
    }

    /**
     * Loads the engine's classes (file reader, catalog, shape inference) on another thread while
     * the toolkit starts, so the first frame does not wait for them. Call before launching.
     */
    public static void warmUp() {
        Thread t = new Thread(() -> {
            try {
                var doc = Templates.standard().load(Templates.STARTER);
                new NetworkSummary(doc, ShapeInference.analyse(doc)).toText();
                LayerHelp.standard();
            } catch (Exception | LinkageError e) {
                // only a head start: the window loads the same things itself and reports what fails there
                log().debug("warm-up stopped early", e);
            }
        }, "deepcanvas-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** File → Export as code. */
    public CodeExport codeExport() {
        return codeExport;
    }

    public void chooseTemplate() {
        new TemplateGallery(services.templates()).choose(stage).ifPresent(files::openTemplate);
    }

    /** Lays the network out with ELK in the background; one undo step ("Auto-layout"). */
    public void autoLayout() {
        if (layoutRunning || model.document().nodes().isEmpty()) {
            return;
        }
        layoutRunning = true;
        LayoutGraph graph = LayoutGraph.of(model.document(), model.catalog());
        services.background().run("layout", () -> new AutoLayout().layout(graph), positions -> {
            layoutRunning = false;
            if (model.document().revision() == graph.revision()) {
                model.execute(model.edits().layout(positions));
                canvas.fitToView();
            } else {
                model.setMessage("The network changed during auto-layout; run it again.");
            }
        }, error -> {
            layoutRunning = false;
            log().warn("Auto-layout failed", error);
            model.setMessage("Auto-layout did not work for this network.");
        });
    }

    /** A CSV file or an image folder dropped anywhere on the window becomes the training data. */
    private void acceptDroppedData(BorderPane root) {
        root.setOnDragOver(e -> {
            var files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : java.util.List.<java.io.File>of();
            if (files.size() == 1 && training.accepts(files.get(0).toPath()) && !e.isConsumed()) {
                e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
            }
        });
        root.setOnDragDropped(e -> {
            var files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : java.util.List.<java.io.File>of();
            if (files.size() == 1 && training.accepts(files.get(0).toPath())) {
                training.dropData(files.get(0).toPath());
                e.setDropCompleted(true);
                e.consume();
            }
        });
    }

    private void setPresentation(boolean on) {
        Theme.presentation(stage.getScene(), on);
        canvas.setPresentation(on);
        if (on) {
            split.getItems().remove(palette);
            split.setDividerPositions(0.72);
        } else if (!split.getItems().contains(palette)) {
            split.getItems().add(0, palette);
            split.setDividerPositions(0.2, 0.75);
        }
    }

    /** Asks about unsaved changes; true when the window may close (recovery copy removed). */
    public boolean confirmClose() {
        if (!files.confirmDiscard("when DeepCanvas closes")) {
            return false;
        }
        autosave.closed();
        training.controller().shutdown();
        return true;
    }

    public void quit() {
        if (confirmClose()) {
            stage.close();
        }
    }

    // ------------------------------------------------------------------ for the shell and tests

    public Stage stage() {
        return stage;
    }

    public DesignerModel model() {
        return model;
    }

    public NetworkCanvas canvas() {
        return canvas;
    }

    public FileController files() {
        return files;
    }

    public StatusBar statusBar() {
        return status;
    }

    public SummaryView summary() {
        return summary;
    }

    public InspectorView inspector() {
        return inspector;
    }

    /** The training tabs, their controller and the Train menu's actions. */
    public dev.deepcanvas.designer.training.TrainingWorkbench training() {
        return training;
    }

    /** Shows a tab of the centre by its id ("data-tab", "training-tab", "evaluation-tab", ...). */
    public void showTab(String id) {
        centre.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> centre.getSelectionModel().select(t));
    }

    /** Runs a window command by id as its menu item would ("undo", "layout", "presentation", ...). */
    public void fire(String actionId) {
        actions.get(actionId).fire();
    }

    public UiAction action(String actionId) {
        return actions.get(actionId);
    }
}
