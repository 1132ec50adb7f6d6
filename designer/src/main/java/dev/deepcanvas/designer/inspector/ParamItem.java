package dev.deepcanvas.designer.inspector;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.document.LayerNode;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * One parameter of the selected layer as a property-sheet row, described by the catalog's schema.
 * Setting it asks the model, which refuses values outside the allowed range (the reason goes to
 * {@code refused}) and otherwise records one undoable command.
 */
final class ParamItem implements PropertySheet.Item {

    private final DesignerModel model;
    private final String nodeId;
    private final ParamSpec spec;
    private final String description;
    private final Consumer<String> refused;
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>(this, "value");

    ParamItem(DesignerModel model, String nodeId, ParamSpec spec, String description, Consumer<String> refused) {
        this.model = model;
        this.nodeId = nodeId;
        this.spec = spec;
        this.description = description;
        this.refused = refused;
    }

    ParamSpec spec() {
        return spec;
    }

    /** Shows the value the layer has now (after an edit, undo or redo). */
    void sync(LayerNode node) {
        value.set(node.params().getOrDefault(spec.name(), spec.defaultValue()));
    }

    @Override
    public Class<?> getType() {
        return spec.javaType();
    }

    @Override
    public String getCategory() {
        return "Parameters";
    }

    @Override
    public String getName() {
        return spec.name();
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        return value.get();
    }

    @Override
    public void setValue(Object newValue) {
        if (newValue == null || newValue.equals(value.get())) {
            return;
        }
        Optional<String> problem = model.setParam(nodeId, spec.name(), newValue);
        if (problem.isPresent()) {
            refused.accept(problem.get());
            Object current = value.get();
            value.set(null); // make editors showing the refused text show the kept value again
            value.set(current);
        } else {
            refused.accept("");
        }
    }

    /** Refuses text that is not a number at all, with the reason. */
    void refuse(String reason) {
        refused.accept(reason);
        Object current = value.get();
        value.set(null);
        value.set(current);
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(value);
    }
}
