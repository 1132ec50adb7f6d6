package dev.deepcanvas.designer.palette;

import dev.deepcanvas.designer.canvas.LayerDrop;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.designer.ui.WrappingLabel;
import dev.deepcanvas.runtime.catalog.Group;
import javafx.scene.control.Label;
import dev.deepcanvas.designer.ui.WrappingListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The palette: a search field and the grouped layer kinds, each with its icon and one line of help.
 * Drag an entry onto the canvas, or double-click it (or press Enter) to append it after the
 * selected layer.
 */
public final class PaletteView extends VBox {

    private final DesignerModel model;
    private final PaletteModel palette;
    private final TextField search = new TextField();
    private final ListView<Object> list = new ListView<>();
    private final javafx.beans.property.DoubleProperty textWidth = new javafx.beans.property.SimpleDoubleProperty(200);

    public PaletteView(DesignerModel model, PaletteModel palette) {
        this.model = model;
        this.palette = palette;
        getStyleClass().add("palette");
        search.setPromptText("Search layers");
        search.textProperty().bindBidirectional(palette.queryProperty());
        search.setId("palette-search");
        FontIcon searchIcon = Icons.icon(Icons.SEARCH);
        HBox searchRow = new HBox(6, searchIcon, search);
        searchRow.getStyleClass().add("palette-search");
        HBox.setHgrow(search, Priority.ALWAYS);
        list.setItems(palette.rows());
        list.setId("palette-list");
        list.setCellFactory(v -> new Cell());
        // Help lines wrap to the list's width; cells are measured again when it changes.
        textWidth.bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(60, list.getWidth() - 74), list.widthProperty()));
        textWidth.addListener((o, a, b) -> list.refresh());
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() instanceof PaletteEntry entry) {
                append(entry);
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(searchRow, list);
    }

    private void append(PaletteEntry entry) {
        model.append(entry.kindId(), entry.params());
    }

    /** A group title or an entry (icon, title, one line of help); entries drag onto the canvas. */
    private final class Cell extends WrappingListCell<Object> {

        private final Label title = new WrappingLabel();
        private final Label summary = new WrappingLabel();
        private final VBox text = new VBox(1, title, summary);
        private final HBox row = new HBox(10);
        private final Tooltip tip = new Tooltip();

        Cell() {
            title.getStyleClass().add("palette-title");
            summary.getStyleClass().add("palette-summary");
            summary.prefWidthProperty().bind(textWidth);
            summary.maxWidthProperty().bind(summary.prefWidthProperty());
            title.prefWidthProperty().bind(summary.prefWidthProperty());
            title.maxWidthProperty().bind(summary.prefWidthProperty());
            row.getStyleClass().add("palette-row");
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            setPrefWidth(0); // wrap the help line to the list's width instead of widening the cell
            setOnDragDetected(e -> {
                if (getItem() instanceof PaletteEntry entry && e.getButton() == MouseButton.PRIMARY) {
                    new LayerDrop(entry.kindId(), entry.params(), entry.title()).attachTo(this);
                    startFullDrag();
                }
            });
            setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY && getItem() instanceof PaletteEntry entry) {
                    append(entry);
                }
            });
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-group", "palette-entry");
            setText(null);
            setTooltip(null);
            setGraphic(null);
            getProperties().remove(LayerDrop.KEY);
            if (empty || item == null) {
                setMouseTransparent(false);
                return;
            }
            if (item instanceof Group g) {
                getStyleClass().add("palette-group");
                setText(g.title().toUpperCase());
                setMouseTransparent(true);
                return;
            }
            PaletteEntry entry = (PaletteEntry) item;
            setMouseTransparent(false);
            getStyleClass().add("palette-entry");
            title.setText(entry.title());
            summary.setText(entry.summary());
            FontIcon icon = Icons.icon(Icons.of(entry.group()));
            icon.getStyleClass().addAll("palette-icon", "group-" + entry.group().name().toLowerCase());
            row.getChildren().setAll(icon, text);
            setGraphic(row);
            tip.setText(entry.summary());
            setTooltip(tip);
        }
    }
}
