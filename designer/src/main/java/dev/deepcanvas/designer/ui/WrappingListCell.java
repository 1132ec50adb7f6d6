package dev.deepcanvas.designer.ui;

import javafx.scene.control.ListCell;

/** A list cell whose graphic holds wrapped text; it is as tall as that text needs. */
public abstract class WrappingListCell<T> extends ListCell<T> {

    /** The label skin would measure the wrapped text as one line; ask the graphic instead. */
    @Override
    protected double computePrefHeight(double width) {
        javafx.scene.Node g = getGraphic();
        return g == null ? super.computePrefHeight(width) : g.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
    }
}
