package dev.deepcanvas.designer.ui;

import javafx.scene.control.Label;

/**
 * A label that wraps to its preferred width even when a container asks for its height without a
 * width (list cells do), so long help lines show whole instead of ending in "...".
 */
public final class WrappingLabel extends Label {

    public WrappingLabel() {
        setWrapText(true);
    }

    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 && getPrefWidth() > 0 ? getPrefWidth() : width);
    }
}
