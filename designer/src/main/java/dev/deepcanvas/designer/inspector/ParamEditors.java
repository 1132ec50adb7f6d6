package dev.deepcanvas.designer.inspector;

import dev.deepcanvas.designer.model.LayerNames;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for catalog parameters. Numbers commit on Enter or when the field loses focus (not per
 * keystroke, so one change is one undo step); lists and switches commit on choice.
 */
final class ParamEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        ParamItem p = (ParamItem) item;
        return switch (p.spec().type()) {
            case INTEGER, DECIMAL -> new NumberEditor(p);
            case CHOICE -> new ChoiceEditor(p);
            case BOOLEAN -> new SwitchEditor(p);
        };
    }

    /**
     * An editor whose control is named after its parameter and follows the parameter's value when
     * it changes elsewhere (undo, a fix from the problems panel).
     */
    abstract static class ItemEditor<C extends Node> implements PropertyEditor<Object> {
        final ParamItem item;
        final C control;

        ItemEditor(ParamItem item, C control) {
            this.item = item;
            this.control = control;
            control.setId("param-" + item.getName());
            item.getObservableValue().orElseThrow().addListener((o, a, b) -> {
                if (b != null) {
                    setValue(b);
                }
            });
        }

        @Override
        public Node getEditor() {
            return control;
        }
    }

    /** A text field that parses and commits its number when the user is done typing. */
    static final class NumberEditor extends ItemEditor<TextField> {
        NumberEditor(ParamItem item) {
            super(item, new TextField());
            control.getStyleClass().add("param-number");
            control.setOnAction(e -> commit());
            control.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit();
                }
            });
            control.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    setValue(item.getValue());
                }
            });
        }

        private void commit() {
            String text = control.getText().strip().replace(",", "").replace("_", "");
            ParamSpec spec = item.spec();
            Object parsed;
            try {
                parsed = spec.type() == dev.deepcanvas.runtime.catalog.ParamType.INTEGER ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                item.refuse(spec.name() + " must be a " + (spec.type() == dev.deepcanvas.runtime.catalog.ParamType.INTEGER ? "whole number" : "number")
                        + ", not '" + control.getText().strip() + "'");
                return;
            }
            item.setValue(parsed);
        }

        @Override
        public Object getValue() {
            return item.getValue();
        }

        @Override
        public void setValue(Object value) {
            control.setText(value == null ? "" : LayerNames.format(item.spec(), value));
        }
    }

    /** A drop-down of the allowed names. */
    static final class ChoiceEditor extends ItemEditor<ComboBox<String>> {
        ChoiceEditor(ParamItem item) {
            super(item, new ComboBox<>());
            control.getItems().setAll(item.spec().choices());
            control.setMaxWidth(Double.MAX_VALUE);
            control.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    item.setValue(b);
                }
            });
        }

        @Override
        public Object getValue() {
            return control.getValue();
        }

        @Override
        public void setValue(Object value) {
            control.setValue((String) value);
        }
    }

    /** An on/off check control. */
    static final class SwitchEditor extends ItemEditor<CheckBox> {
        SwitchEditor(ParamItem item) {
            super(item, new CheckBox());
            control.selectedProperty().addListener((o, a, b) -> item.setValue(b));
        }

        @Override
        public Object getValue() {
            return control.isSelected();
        }

        @Override
        public void setValue(Object value) {
            control.setSelected((Boolean) value);
        }
    }
}
