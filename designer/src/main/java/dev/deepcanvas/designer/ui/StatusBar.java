package dev.deepcanvas.designer.ui;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Orientation;

/** Validation summary, total parameters, the latest notice, zoom, and the compute backend. */
public final class StatusBar extends HBox {

    private final Label validity = new Label();
    private final Label parameters = new Label();
    private final Label message = new Label();
    private final Label zoom = new Label();
    private final Label backend = new Label();
    private final StringProperty backendText = new SimpleStringProperty(this, "backend", "Backend: starting DL4J…");

    public StatusBar(DesignerModel model, ReadOnlyDoubleProperty zoomLevel) {
        getStyleClass().add("status-bar");
        validity.setId("status-validity");
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
        for (Label fact : new Label[] {validity, parameters, zoom, backend}) {
            fact.setMinWidth(Region.USE_PREF_SIZE);
        }
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(model.messageProperty());
        message.setTooltip(whole);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        getChildren().addAll(validity, separator(), parameters, separator(), message, zoom, separator(), backend);
        model.revisionProperty().addListener((o, a, b) -> show(model.analysis()));
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
    }

    /** "Backend: CPU (OpenBLAS)", once known. */
    public StringProperty backendProperty() {
        return backendText;
    }

    public String parametersText() {
        return parameters.getText();
    }

    public String validityText() {
        return validity.getText();
    }
}
