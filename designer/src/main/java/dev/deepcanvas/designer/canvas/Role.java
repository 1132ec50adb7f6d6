package dev.deepcanvas.designer.canvas;

import dev.deepcanvas.runtime.document.Edge;
import javafx.scene.Node;

/** What a piece of the canvas stands for, so a mouse press can be routed to the right gesture. */
sealed interface Role {

    String KEY = "deepcanvas.role";

    record Body(String nodeId) implements Role {}

    record OutPort(String nodeId) implements Role {}

    record InPort(String nodeId, int port) implements Role {}

    record Wire(Edge edge) implements Role {}

    static void mark(Node node, Role role) {
        node.getProperties().put(KEY, role);
    }

    /** The role of the node or of its nearest marked ancestor, or null for the empty canvas. */
    static Role of(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            Object r = n.getProperties().get(KEY);
            if (r instanceof Role role) {
                return role;
            }
        }
        return null;
    }
}
