package dev.deepcanvas.designer.canvas;

import dev.deepcanvas.runtime.document.Edge;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * One wire: a curve from an output port to an input port, labelled with the tensor shape it
 * carries. The label lives in a layer above the layer boxes (gaps between boxes are narrow), just
 * above the wire so it never hides a port.
 */
final class EdgeView extends Group {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final Edge edge;
    private final CubicCurve hit = new CubicCurve();
    private final CubicCurve curve = new CubicCurve();
    private final Label label = new Label();
    private final DoubleProperty midX = new SimpleDoubleProperty();
    private final DoubleProperty midY = new SimpleDoubleProperty();
    private Point2D shownFrom;
    private Point2D shownTo;
    private boolean detailed = true;

    /** Space between the wire and the bottom of its label, clear of the ports. */
    static final double LABEL_LIFT = 11;

    private final Group labels;

    EdgeView(Edge edge, Group labels) {
        this.labels = labels;
        this.edge = edge;
        Role.mark(this, new Role.Wire(edge));
        hit.getStyleClass().add("wire-hit");
        curve.getStyleClass().add("wire");
        curve.setMouseTransparent(true);
        label.getStyleClass().add("wire-label");
        label.setMouseTransparent(true);
        label.layoutXProperty().bind(midX.subtract(label.widthProperty().divide(2)));
        label.layoutYProperty().bind(midY.subtract(label.heightProperty()).subtract(LABEL_LIFT));
        getChildren().addAll(hit, curve);
        labels.getChildren().add(label);
        getStyleClass().add("wire-view");
    }

    Edge edge() {
        return edge;
    }

    /** Lays the wire between two canvas points and writes the shape on it. */
    void update(Point2D from, Point2D to, String shape) {
        if (from.equals(shownFrom) && to.equals(shownTo) && shape.equals(label.getText())) {
            return;
        }
        shownFrom = from;
        shownTo = to;
        double bend = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        for (CubicCurve c : new CubicCurve[] {hit, curve}) {
            c.setStartX(from.getX());
            c.setStartY(from.getY());
            c.setControlX1(from.getX() + bend);
            c.setControlY1(from.getY());
            c.setControlX2(to.getX() - bend);
            c.setControlY2(to.getY());
            c.setEndX(to.getX());
            c.setEndY(to.getY());
        }
        if (!label.getText().equals(shape)) {
            label.setText(shape);
        }
        // The curve's midpoint (t = 0.5) is the average of its ends and control points.
        double mx = (from.getX() + to.getX()) / 2;
        double my = (from.getY() + to.getY()) / 2;
        midX.set(mx);
        midY.set(my);
    }

    /** Shows or hides the wire with its label. */
    void show(boolean on) {
        setVisible(on);
        label.setVisible(on && detailed);
    }

    /** Takes the wire and its label off the canvas. */
    void dispose(Group wires) {
        wires.getChildren().remove(this);
        labels.getChildren().remove(label);
    }

    void setSelected(boolean selected) {
        curve.pseudoClassStateChanged(SELECTED, selected);
    }

    void setDetailed(boolean detailed) {
        this.detailed = detailed;
        label.setVisible(detailed && isVisible());
    }

    String labelText() {
        return label.getText();
    }

    CubicCurve hitArea() {
        return hit;
    }
}
