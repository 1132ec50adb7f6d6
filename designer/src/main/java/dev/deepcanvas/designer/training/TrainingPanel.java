package dev.deepcanvas.designer.training;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.training.TrainingController.State;
import dev.deepcanvas.designer.ui.UiAction;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Training tab: settings, the run's buttons (the window's Train menu actions), a progress bar
 * with epoch, batch, ETA and throughput, how the run ended, and the live dashboard below.
 */
public final class TrainingPanel extends VBox {

    private final ProgressBar bar = new ProgressBar(0);
    private final Label progress = new Label();
    private final Label outcome = new Label();

    public TrainingPanel(DesignerModel model, TrainingController controller, DashboardView dashboard, UiAction... actions) {
        getStyleClass().add("training-panel");
        setPadding(new Insets(8));
        setSpacing(6);
        HBox buttons = new HBox(6);
        for (UiAction a : actions) {
            var b = a.button();
            b.getStyleClass().remove("flat");
            b.setId("training-" + a.id());
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.textProperty().bind(a.textProperty());
            buttons.getChildren().add(b);
        }
        bar.setId("training-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(controller.progressProperty());
        bar.visibleProperty().bind(controller.stateProperty().isNotEqualTo(State.IDLE).or(controller.progressProperty().greaterThan(0)));
        progress.setId("training-progress-text");
        progress.textProperty().bind(controller.progressTextProperty());
        progress.setMinWidth(0);
        outcome.setId("training-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(controller.outcomeProperty());
        outcome.managedProperty().bind(Bindings.isNotEmpty(outcome.textProperty()));
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        outcome.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(dashboard, Priority.ALWAYS);
        getChildren().addAll(new TrainingSettingsView(model), buttons, bar, progress, outcome, dashboard);
    }
}
