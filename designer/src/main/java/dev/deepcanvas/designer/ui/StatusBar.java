package dev.deepcanvas.designer.ui;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.summary.EpochExamples;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Validation summary, total parameters, the design's cost, the latest notice, zoom, and the compute backend. */
public final class StatusBar extends HBox {

    private final Label validity = new Label();
    private final Label parameters = new Label();
    private final Label cost = new Label();
    private final DesignerModel model;
    private final Label message = new Label();
    private final Label zoom = new Label();
    private final Label backend = new Label();
    private final StringProperty backendText = new SimpleStringProperty(this, "backend", "Backend: starting DL4J…");

    public StatusBar(DesignerModel model, ReadOnlyDoubleProperty zoomLevel) {
        this.model = model;
        getStyleClass().add("status-bar");
        validity.setId("status-validity");
        cost.setId("status-cost");
        cost.setTooltip(new Tooltip("Work per example (a multiply-add counts 2 FLOPs) and the memory to train at the batch size:"
                + " weights, gradients, optimiser state and every layer's outputs; then the estimated time per epoch on this machine."
                + " The Summary tab has the details."));
        parameters.setId("status-parameters");
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        message.setMinWidth(0);
        backend.setId("status-backend");
        backend.setGraphic(Icons.icon(Icons.BACKEND));
        backend.textProperty().bind(backendText);
        message.textProperty().bind(model.messageProperty());
        zoom.textProperty().bind(zoomLevel.multiply(100).asString("%.0f %%"));
        // Facts keep their width; the notice takes what is left (whole text in its tooltip).
        for (Label fact : new Label[] {validity, parameters, cost, zoom, backend}) {
            fact.setMinWidth(Region.USE_PREF_SIZE);
        }
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.messageProperty());
        message.setTooltip(whole);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().addAll(validity, separator(), parameters, separator(), cost, separator(), message, zoom, separator(), backend);
        model.revisionProperty().addListener((o, a, b) -> show(model.analysis()));
        model.calibrationProperty().addListener((o, a, b) -> show(model.analysis()));
        model.epochExamplesProperty().addListener((o, a, b) -> show(model.analysis()));
        show(model.analysis());
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }

    private void show(NetworkAnalysis analysis) {
        long errors = analysis.errors().size();
        long warnings = analysis.diagnostics().size() - errors;
        String text;
        if (errors == 0 && warnings == 0) {
            text = "Valid network";
        } else if (errors == 0) {
            text = "Valid, " + warnings + (warnings == 1 ? " warning" : " warnings");
        } else {
            text = errors + (errors == 1 ? " error" : " errors") + (warnings > 0 ? ", " + warnings + (warnings == 1 ? " warning" : " warnings") : "");
        }
        validity.setText(text);
        validity.setGraphic(Icons.icon(errors == 0 ? Icons.VALID : Icons.ERROR));
        validity.getStyleClass().removeAll("status-valid", "status-invalid");
        validity.getStyleClass().add(errors == 0 ? "status-valid" : "status-invalid");
        parameters.setText(String.format("Total parameters: %,d", analysis.totalParameters()));
        if (analysis.isValid()) {
            DesignCost c = DesignCost.of(model.document(), analysis);
            int batch = model.document().training().batchSize();
            cost.setText(DesignCost.flops(c.forwardFlops()) + (c.perStep() ? " per step" : " per example") + " · "
                    + DesignCost.bytes(c.trainingBytes(batch)) + " to train at batch " + batch + time(c, batch));
        } else {
            cost.setText("");
        }
    }

    /** " · about 4 s per epoch" (per 1,000 examples until the project's data is checked), once the machine is calibrated. */
    private String time(DesignCost designCost, int batch) {
        Calibration c = model.calibrationProperty().get();
        if (c == null) {
            return "";
        }
        EpochExamples examples = model.epochExamplesProperty().get();
        double seconds = c.epochSeconds(designCost, examples, batch);
        return " · " + Calibration.describe(seconds) + (examples.fromData() ? " per epoch" : String.format(Locale.ROOT, " per %,d examples", examples.train()));
    }

    /** "Backend: CPU (OpenBLAS)", once known. */
    public StringProperty backendProperty() {
        return backendText;
    }

    public String parametersText() {
        return parameters.getText();
    }

    /** "12.4 kFLOPs per example · 168 KB to train at batch 32", empty while the network has errors. */
    public String costText() {
        return cost.getText();
    }

    public String validityText() {
        return validity.getText();
    }
}
