package dev.deepcanvas.designer.files;

import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** "New from Template": the architecture templates with their size, to start a network from. */
public final class TemplateGallery {

    /** One template as the gallery lists it. */
    public record Item(String name, String title, int layers, long parameters) {
        String facts() {
            return String.format("%d layers · %,d parameters · %s", layers, parameters, name);
        }
    }

    private final Templates templates;

    public TemplateGallery(Templates templates) {
        this.templates = templates;
    }

    /** Every template that loads, with its facts. */
    public List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (String name : templates.names()) {
            try {
                NetworkDocument doc = templates.load(name);
                NetworkAnalysis a = ShapeInference.analyse(doc);
                items.add(new Item(name, doc.name(), doc.nodes().size(), a.totalParameters()));
            } catch (IOException | DocumentFormatException e) {
                // a broken template is left out; the samples module's tests catch it
            }
        }
        return items;
    }

    /** Shows the gallery; the chosen template's name, or empty. */
    public Optional<String> choose(Window owner) {
        ListView<Item> list = new ListView<>();
        list.setId("template-list");
        list.getStyleClass().add("template-list");
        list.getItems().setAll(items());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Label title = new Label(item.title());
                title.getStyleClass().add("template-title");
                Label facts = new Label(item.facts());
                facts.getStyleClass().add("template-facts");
                setGraphic(new VBox(2, title, facts));
            }
        });
        list.getSelectionModel().selectFirst();
        list.setPrefSize(560, 420);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New from Template");
        dialog.setHeaderText("Start from a well-known architecture");
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(list);
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                dialog.setResult(list.getSelectionModel().getSelectedItem().name());
                dialog.close();
            }
        });
        dialog.setResultConverter(b -> b == open && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().name() : null);
        return dialog.showAndWait();
    }
}
