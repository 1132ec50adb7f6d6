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

    /** A text field that parses and commits its number when the user is done typing. */
    static final class NumberEditor implements PropertyEditor<Object> {
        private final ParamItem item;
        private final TextField field = new TextField();

        NumberEditor(ParamItem item) {
            this.item = item;
            field.getStyleClass().add("param-number");
            field.setId("param-" + item.getName());
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    commit();
                }
            });
            field.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    setValue(item.getValue());
                }
            });
            item.getObservableValue().orElseThrow().addListener((o, a, b) -> {
                if (b != null) {
                    setValue(b);
                }
            });
        }

        private void commit() {
            String text = field.getText().strip().replace(",", "").replace("_", "");
            ParamSpec spec = item.spec();
            Object parsed;
            try {
                parsed = spec.type() == dev.deepcanvas.runtime.catalog.ParamType.INTEGER ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
            } catch (NumberFormatException e) {
                item.refuse(spec.name() + " must be a " + (spec.type() == dev.deepcanvas.runtime.catalog.ParamType.INTEGER ? "whole number" : "number")
                        + ", not '" + field.getText().strip() + "'");
                return;
            }
            item.setValue(parsed);
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return item.getValue();
        }

        @Override
        public void setValue(Object value) {
            field.setText(value == null ? "" : LayerNames.format(item.spec(), value));
        }
    }

    /** A drop-down of the allowed names. */
    static final class ChoiceEditor implements PropertyEditor<Object> {
        private final ComboBox<String> box = new ComboBox<>();

        ChoiceEditor(ParamItem item) {
            box.getItems().setAll(item.spec().choices());
            box.setId("param-" + item.getName());
            box.setMaxWidth(Double.MAX_VALUE);
            box.valueProperty().addListener((o, a, b) -> {
                if (b != null) {
                    item.setValue(b);
                }
            });
            item.getObservableValue().orElseThrow().addListener((o, a, b) -> {
                if (b != null) {
                    setValue(b);
                }
            });
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public Object getValue() {
            return box.getValue();
        }

        @Override
        public void setValue(Object value) {
            box.setValue((String) value);
        }
    }

    /** An on/off check box. */
    static final class SwitchEditor implements PropertyEditor<Object> {
        private final CheckBox box = new CheckBox();

        SwitchEditor(ParamItem item) {
            box.setId("param-" + item.getName());
            box.selectedProperty().addListener((o, a, b) -> item.setValue(b));
            item.getObservableValue().orElseThrow().addListener((o, a, b) -> {
                if (b != null) {
                    setValue(b);
                }
            });
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public Object getValue() {
            return box.isSelected();
        }

        @Override
        public void setValue(Object value) {
            box.setSelected((Boolean) value);
        }
    }
}
