package dev.deepcanvas.designer.summary;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.runtime.summary.Calibration;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The engine's Keras-like table of the network, with "Copy as text". Redrawn while it is shown. */
public final class SummaryView extends VBox {

    private final DesignerModel model;
    private final TextArea table = new TextArea();
    private final Button copy = new Button("Copy as text");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private long shownRevision = -1;

    public SummaryView(DesignerModel model) {
        this.model = model;
        getStyleClass().add("summary");
        table.setEditable(false);
        table.setId("summary-text");
        table.getStyleClass().add("summary-table");
        copy.setId("summary-copy");
        copy.setGraphic(Icons.icon(Icons.COPY));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text());
            Clipboard.getSystemClipboard().setContent(content);
            model.setMessage("Summary copied to the clipboard.");
        });
        HBox bar = new HBox(8, copy);
        bar.getStyleClass().add("summary-bar");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, table);
        model.revisionProperty().addListener((o, a, b) -> update());
        model.calibrationProperty().addListener((o, a, b) -> redraw());
        model.epochExamplesProperty().addListener((o, a, b) -> redraw());
        showing.addListener((o, a, b) -> update());
        update();
    }

    /** Whether the summary is on screen; it is only recomputed then. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    private void update() {
        if (showing.get() && shownRevision != model.document().revision()) {
            shownRevision = model.document().revision();
            table.setText(text());
        }
    }

    /** The time estimate changed (calibrated, or the data checked): the same revision reads differently. */
    private void redraw() {
        shownRevision = -1;
        update();
    }

    /** The table as the engine writes it for the document as it is now, with the time per epoch once the machine is calibrated. */
    public String text() {
        NetworkSummary summary = new NetworkSummary(model.document(), model.analysis());
        Calibration c = model.calibrationProperty().get();
        if (c != null) {
            summary.withTime(c, model.epochExamplesProperty().get());
        }
        return summary.toText();
    }
}
