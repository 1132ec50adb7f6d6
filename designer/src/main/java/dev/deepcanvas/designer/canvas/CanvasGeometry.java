package dev.deepcanvas.designer.canvas;

import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.document.LayerNode;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where things are on the canvas, in canvas units: every layer is a box of the same size with its
 * input ports on the left edge and its one output port on the right. Pure arithmetic, shared by
 * drawing and hit-testing.
 */
public final class CanvasGeometry {

    public static final double NODE_WIDTH = 184;
    public static final double NODE_HEIGHT = 118;
    /** How far from a port centre a drop still counts as on the port. */
    static final double PORT_REACH = 16;

    private CanvasGeometry() {}

    /**
     * Input ports shown for a layer: none for network inputs, one for ordinary layers, and for merge
     * layers every connected port plus one free port (at least their minimum).
     */
    public static int inputPorts(LayerKind kind, int highestConnectedPort) {
        if (kind.maxInputs() <= 1) {
            return kind.maxInputs();
        }
        return Math.min(kind.maxInputs(), Math.max(kind.minInputs(), highestConnectedPort + 2));
    }

    public static Point2D inputPort(double x, double y, int port, int ports) {
        return new Point2D(x, y + NODE_HEIGHT * (port + 1) / (ports + 1));
    }

    public static Point2D outputPort(double x, double y) {
        return new Point2D(x + NODE_WIDTH, y + NODE_HEIGHT / 2);
    }

    public static Rectangle2D bounds(LayerNode node) {
        return new Rectangle2D(node.x(), node.y(), NODE_WIDTH, NODE_HEIGHT);
    }

    /** True when a canvas point lies on the layer box or within reach of its ports. */
    public static boolean near(LayerNode node, double px, double py) {
        return px >= node.x() - PORT_REACH && px <= node.x() + NODE_WIDTH + PORT_REACH
                && py >= node.y() && py <= node.y() + NODE_HEIGHT;
    }

    /**
     * The input port a wire dropped at (px, py) goes to: the port within reach of the point, or else
     * the first port not in {@code taken}, or port 0.
     */
    public static int dropPort(LayerNode node, int ports, java.util.Set<Integer> taken, double px, double py) {
        for (int p = 0; p < ports; p++) {
            if (inputPort(node.x(), node.y(), p, ports).distance(px, py) <= PORT_REACH) {
                return p;
            }
        }
        for (int p = 0; p < ports; p++) {
            if (!taken.contains(p)) {
                return p;
            }
        }
        return 0;
    }
}
