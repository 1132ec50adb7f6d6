package dev.deepcanvas.designer.ui;

import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * One command of the window, shown as a menu item and perhaps a toolbar button that share its text,
 * icon, shortcut, enabled state and (for toggles) selected state.
 */
public final class UiAction {

    private final String id;
    private final StringProperty text = new SimpleStringProperty();
    private final String icon;
    private final KeyCombination accelerator;
    private final Runnable handler;
    private final BooleanProperty disabled = new SimpleBooleanProperty(false);
    private final BooleanProperty selected;

    private UiAction(String id, String text, String icon, KeyCombination accelerator, Runnable handler, boolean toggle) {
        this.id = id;
        this.text.set(text);
        this.icon = icon;
        this.accelerator = accelerator;
        this.handler = handler;
        this.selected = toggle ? new SimpleBooleanProperty(false) : null;
    }

    public static UiAction of(String id, String text, String icon, String shortcut, Runnable handler) {
        return new UiAction(id, text, icon, shortcut == null ? null : KeyCombination.valueOf(shortcut), handler, false);
    }

    public static UiAction toggle(String id, String text, String icon, String shortcut, Runnable handler) {
        return new UiAction(id, text, icon, shortcut == null ? null : KeyCombination.valueOf(shortcut), handler, true);
    }

    public UiAction disabledWhen(BooleanExpression condition) {
        disabled.bind(condition);
        return this;
    }

    public String id() {
        return id;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public KeyCombination accelerator() {
        return accelerator;
    }

    /** Does what the menu item does: runs the command, or flips the toggle. */
    public void fire() {
        if (disabled.get()) {
            return;
        }
        if (selected != null) {
            selected.set(!selected.get());
        }
        handler.run();
    }

    public MenuItem menuItem() {
        MenuItem item;
        if (selected != null) {
            CheckMenuItem check = new CheckMenuItem();
            check.selectedProperty().bindBidirectional(selected);
            item = check;
        } else {
            item = new MenuItem();
        }
        item.setId("menu-" + id);
        item.textProperty().bind(text);
        if (icon != null && selected == null) {
            item.setGraphic(Icons.icon(icon));
        }
        item.setAccelerator(accelerator);
        item.disableProperty().bind(disabled);
        item.setOnAction(e -> handler.run());
        return item;
    }

    public ButtonBase button() {
        ButtonBase b;
        if (selected != null) {
            ToggleButton t = new ToggleButton();
            t.selectedProperty().bindBidirectional(selected);
            b = t;
        } else {
            b = new Button();
        }
        b.setId("tool-" + id);
        b.setGraphic(Icons.icon(icon));
        b.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text.concat(accelerator == null ? "" : "  (" + accelerator.getDisplayText() + ")"));
        b.setTooltip(tip);
        b.disableProperty().bind(disabled);
        b.setOnAction(e -> handler.run());
        b.getStyleClass().add("flat");
        return b;
    }
}
