package dev.deepcanvas.designer.problems;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.designer.ui.WrappingLabel;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import dev.deepcanvas.designer.ui.WrappingListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Every diagnostic of the network, errors first. Clicking one selects its layer and centres it on
 * the canvas; a diagnostic with a one-click fix offers a Fix button.
 */
public final class ProblemsView extends VBox {

    private final DesignerModel model;
    private final Label heading = new Label("Problems");
    private final ListView<Diagnostic> list = new ListView<>();
    private final javafx.beans.property.DoubleProperty textWidth = new javafx.beans.property.SimpleDoubleProperty(200);

    public ProblemsView(DesignerModel model) {
        this.model = model;
        getStyleClass().add("problems");
        heading.getStyleClass().add("panel-heading");
        list.setId("problems-list");
        list.setPlaceholder(placeholder());
        list.setCellFactory(v -> new Cell());
        // Messages wrap to the list's width; cells are measured again when it changes.
        textWidth.bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(80, list.getWidth() - 70), list.widthProperty()));
        textWidth.addListener((o, a, b) -> list.refresh());
        list.setOnMouseClicked(e -> {
            Diagnostic d = list.getSelectionModel().getSelectedItem();
            if (d != null && d.nodeId() != null) {
                model.reveal(d.nodeId());
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(heading, list);
        model.revisionProperty().addListener((o, a, b) -> show(model.analysis()));
        model.dataProblems().addListener((javafx.collections.ListChangeListener<Diagnostic>) c -> show(model.analysis()));
        show(model.analysis());
    }

    private static Label placeholder() {
        Label l = new Label("No problems: every layer has a shape.");
        l.setGraphic(Icons.icon(Icons.VALID));
        l.getStyleClass().add("problems-none");
        l.setWrapText(true);
        l.setPadding(new javafx.geometry.Insets(12));
        return l;
    }

    private void show(NetworkAnalysis analysis) {
        var sorted = java.util.stream.Stream.concat(model.dataProblems().stream(), analysis.diagnostics().stream())
                .sorted((a, b) -> Boolean.compare(b.isError(), a.isError()))
                .toList();
        list.getItems().setAll(sorted);
        long errors = sorted.stream().filter(Diagnostic::isError).count();
        long warnings = sorted.size() - errors;
        heading.setText(sorted.isEmpty() ? "Problems" : "Problems (" + plural(errors, "error") + ", " + plural(warnings, "warning") + ")");
    }

    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Icon, the message and the hint, wrapped to the panel's width; a Fix button where possible. */
    private final class Cell extends WrappingListCell<Diagnostic> {
        private final FontIcon icon = new FontIcon();
        private final Label message = new WrappingLabel();
        private final Label hint = new WrappingLabel();
        private final Button fix = new Button("Fix");
        private final VBox text = new VBox(2, message, hint);
        private final HBox row = new HBox(8, icon, text);

        Cell() {
            setPrefWidth(0); // wrap to the list's width instead of widening the cell
            message.getStyleClass().add("problem-message");
            hint.getStyleClass().add("problem-hint");
            message.prefWidthProperty().bind(textWidth.subtract(fix.widthProperty()));
            message.maxWidthProperty().bind(message.prefWidthProperty());
            hint.maxWidthProperty().bind(message.prefWidthProperty());
            hint.prefWidthProperty().bind(message.prefWidthProperty());
            fix.setGraphic(Icons.icon(Icons.FIX));
            fix.getStyleClass().add("small");
            HBox.setHgrow(text, Priority.ALWAYS);
            row.getStyleClass().add("problem-row");
        }

        @Override
        protected void updateItem(Diagnostic d, boolean empty) {
            super.updateItem(d, empty);
            if (empty || d == null) {
                setGraphic(null);
                return;
            }
            icon.setIconLiteral(d.isError() ? Icons.ERROR : Icons.WARNING);
            icon.getStyleClass().setAll("dc-icon", d.isError() ? "badge-error" : "badge-warning");
            message.setText((d.nodeId() == null ? "Network: " : d.nodeId() + ": ") + d.message());
            hint.setText(d.hint());
            if (d.fix() != null) {
                fix.setOnAction(e -> model.applyFix(d));
                row.getChildren().setAll(icon, text, fix);
            } else {
                row.getChildren().setAll(icon, text);
            }
            setGraphic(row);
        }
    }
}
