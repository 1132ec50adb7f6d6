package dev.deepcanvas.designer.canvas;

import java.util.Map;
import javafx.scene.Node;

/**
 * A layer being dragged onto the canvas from outside it (the palette): the drag source carries one
 * under {@link #KEY} in its properties.
 */
public record LayerDrop(String kindId, Map<String, Object> params, String title) {

    public static final String KEY = "deepcanvas.layer-drop";

    public void attachTo(Node source) {
        source.getProperties().put(KEY, this);
    }

    static LayerDrop of(Object source) {
        return source instanceof Node n && n.getProperties().get(KEY) instanceof LayerDrop d ? d : null;
    }
}
