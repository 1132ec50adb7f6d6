package dev.deepcanvas.designer.inspector;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.shape.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.SetChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;

/**
 * The selected layer's settings: a property sheet built from the catalog's parameter schema, the
 * reason when a value is refused, and the layer's help text.
 */
public final class InspectorView extends VBox {

    private final DesignerModel model;
    private final Label heading = new Label();
    private final Label facts = new Label();
    private final PropertySheet sheet = new PropertySheet();
    private final Label refusal = new Label();
    private final CheckBox frozen = new CheckBox("Frozen: keep its weights while training");
    private final Label help = new Label();
    private final Label placeholder = new Label("Select a layer to see and change its settings.");
    private final VBox content = new VBox(8);
    private final List<ParamItem> items = new ArrayList<>();
    private String shownId;
    private String shownKind;

    public InspectorView(DesignerModel model) {
        this.model = model;
        getStyleClass().add("inspector");
        heading.getStyleClass().add("inspector-heading");
        heading.setWrapText(true);
        facts.getStyleClass().add("inspector-facts");
        facts.setWrapText(true);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(new ParamEditors());
        sheet.getStyleClass().add("inspector-sheet");
        refusal.getStyleClass().add("inspector-refusal");
        refusal.setId("inspector-refusal");
        refusal.setWrapText(true);
        refusal.setGraphic(Icons.icon(Icons.ERROR));
        refusal.setVisible(false);
        refusal.managedProperty().bind(refusal.visibleProperty());
        help.getStyleClass().add("inspector-help");
        help.setWrapText(true);
        placeholder.getStyleClass().add("inspector-placeholder");
        placeholder.setWrapText(true);
        frozen.setId("inspector-frozen");
        frozen.setWrapText(true);
        frozen.setTooltip(new Tooltip("Transfer learning: a frozen layer keeps the weights it has (from a trained model) while the"
                + " layers after it learn. Gradients still pass through it."));
        frozen.managedProperty().bind(frozen.visibleProperty());
        frozen.setOnAction(e -> {
            if (shownId != null) {
                model.setFrozen(shownId, frozen.isSelected());
            }
        });
        content.getChildren().addAll(heading, facts, frozen, sheet, refusal, help);
        content.getStyleClass().add("inspector-content");
        ScrollPane scroll = new ScrollPane(content);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("inspector-scroll");
        getChildren().add(placeholder);
        model.selection().nodes().addListener((SetChangeListener<String>) c -> show());
        model.revisionProperty().addListener((o, a, b) -> show());
        this.scroll = scroll;
        show();
    }

    private final ScrollPane scroll;

    private void show() {
        Optional<LayerNode> node = model.selection().single().flatMap(id -> model.document().node(id));
        Optional<LayerKind> kind = node.flatMap(n -> model.catalog().find(n.kind()));
        if (node.isEmpty() || kind.isEmpty()) {
            int n = model.selection().nodes().size();
            placeholder.setText(n > 1 ? n + " layers selected. Select one to change its settings."
                    : "Select a layer to see and change its settings.");
            getChildren().setAll(placeholder);
            shownId = null;
            return;
        }
        LayerNode layer = node.get();
        LayerKind k = kind.get();
        if (!layer.id().equals(shownId) || !layer.kind().equals(shownKind)) {
            build(layer, k);
        }
        items.forEach(i -> i.sync(layer));
        NodeInfo info = model.analysis().info(layer.id()).orElse(null);
        facts.setText(info == null
                ? layer.id() + " · output not known yet (see Problems)"
                : String.format(Locale.ROOT, "%s · output %s · %,d parameters%s", layer.id(), info.shape().display(), info.parameters(),
                        info.frozen() ? ", none trained (frozen)" : ""));
        frozen.setVisible(info != null && info.parameters() > 0);
        frozen.setSelected(layer.frozen());
        if (getChildren().size() != 1 || getChildren().get(0) != scroll) {
            getChildren().setAll(scroll);
        }
    }

    private void build(LayerNode layer, LayerKind kind) {
        shownId = layer.id();
        shownKind = layer.kind();
        heading.setText(model.help().title(kind));
        heading.setGraphic(Icons.icon(Icons.of(kind.group())));
        help.setText(model.help().summary(kind) + "\n\n" + model.help().help(kind));
        refusal.setVisible(false);
        items.clear();
        for (ParamSpec spec : kind.params()) {
            items.add(new ParamItem(model, layer.id(), spec, model.help().param(kind, spec.name()), this::showRefusal));
        }
        items.forEach(i -> i.sync(layer));
        sheet.getItems().setAll(items);

        sheet.setVisible(!items.isEmpty());
        sheet.setManaged(!items.isEmpty());
    }

    private void showRefusal(String reason) {
        refusal.setText(reason);
        refusal.setVisible(!reason.isEmpty());
    }

    /** The reason shown for the last refused value, or "" when none is shown. */
    public String refusalText() {
        return refusal.isVisible() ? refusal.getText() : "";
    }
}
