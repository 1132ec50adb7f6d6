package dev.deepcanvas.designer.canvas;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.validate.Verdict;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse and keyboard gestures of the canvas: select (click, shift-click, rubber band), move,
 * wire (drag from an output port to an input), pan (middle button or space-drag), zoom (wheel) and
 * drop from the palette. A gesture changes only the views while it runs and the model once at its
 * end, so each is one undo step.
 */
final class CanvasGestures {

    private enum Mode { NONE, PAN, MOVE, BAND, WIRE }

    private final NetworkCanvas canvas;
    private final DesignerModel model;
    private Mode mode = Mode.NONE;
    private boolean spaceDown;
    private Point2D pressScreen;
    private Point2D pressWorld;
    private boolean additive;
    private final Map<String, Point2D> moveStart = new LinkedHashMap<>();
    private boolean moved;
    private double moveDx;
    private double moveDy;
    private String wireFrom;
    private Edge wireTarget;
    private Verdict wireVerdict;
    private final Map<Edge, Verdict> verdicts = new LinkedHashMap<>();

    CanvasGestures(NetworkCanvas canvas, DesignerModel model) {
        this.canvas = canvas;
        this.model = model;
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        canvas.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        canvas.addEventHandler(KeyEvent.KEY_RELEASED, this::keyReleased);
        canvas.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, this::dropOver);
        canvas.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED_TARGET, e -> canvas.ghost().setVisible(false));
        canvas.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, this::dropped);
    }

    private Point2D local(MouseEvent e) {
        return canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    private Point2D world(MouseEvent e) {
        return canvas.sceneToWorld(e.getSceneX(), e.getSceneY());
    }

    // ------------------------------------------------------------------ press / drag / release

    private void pressed(MouseEvent e) {
        canvas.requestFocus();
        pressScreen = local(e);
        pressWorld = world(e);
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            mode = Mode.PAN;
            canvas.setCursor(Cursor.CLOSED_HAND);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        additive = e.isShiftDown() || e.isShortcutDown();
        Role role = Role.of(e.getTarget());
        if (role instanceof Role.OutPort out) {
            startWire(out.nodeId());
        } else if (role instanceof Role.Body || role instanceof Role.InPort) {
            String id = role instanceof Role.Body b ? b.nodeId() : ((Role.InPort) role).nodeId();
            if (additive) {
                model.selection().toggle(id);
            } else if (!model.selection().nodes().contains(id)) {
                model.selection().selectOnly(id);
            }
            startMove();
        } else if (role instanceof Role.Wire w) {
            if (additive) {
                model.selection().edges().add(w.edge());
            } else {
                model.selection().selectEdge(w.edge());
            }
            mode = Mode.NONE;
        } else {
            if (!additive) {
                model.selection().clear();
            }
            mode = Mode.BAND;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        Point2D now = local(e);
        switch (mode) {
            case PAN -> {
                canvas.panBy(now.getX() - pressScreen.getX(), now.getY() - pressScreen.getY());
                pressScreen = now;
            }
            case MOVE -> dragMove(world(e));
            case BAND -> {
                double x = Math.min(now.getX(), pressScreen.getX());
                double y = Math.min(now.getY(), pressScreen.getY());
                canvas.band().setX(x);
                canvas.band().setY(y);
                canvas.band().setWidth(Math.abs(now.getX() - pressScreen.getX()));
                canvas.band().setHeight(Math.abs(now.getY() - pressScreen.getY()));
                canvas.band().setVisible(true);
            }
            case WIRE -> dragWire(world(e), now);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        switch (mode) {
            case PAN -> canvas.setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
            case MOVE -> endMove();
            case BAND -> endBand(world(e));
            case WIRE -> endWire();
            default -> {
                return;
            }
        }
        mode = Mode.NONE;
        e.consume();
    }

    // ------------------------------------------------------------------ move

    private void startMove() {
        mode = Mode.MOVE;
        moved = false;
        moveStart.clear();
        for (String id : model.selection().nodes()) {
            model.document().node(id).ifPresent(n -> moveStart.put(id, new Point2D(n.x(), n.y())));
        }
    }

    private void dragMove(Point2D at) {
        double dx = at.getX() - pressWorld.getX();
        double dy = at.getY() - pressWorld.getY();
        if (!moved && Math.hypot(dx, dy) * canvas.camera().scale() < 3) {
            return; // a click, not a drag
        }
        moved = true;
        moveDx = dx;
        moveDy = dy;
        canvas.dragBy(moveStart.keySet(), dx, dy);
    }

    private void endMove() {
        if (!moved) {
            return;
        }
        Map<String, double[]> positions = new LinkedHashMap<>();
        moveStart.forEach((id, start) -> positions.put(id, new double[] {start.getX() + moveDx, start.getY() + moveDy}));
        model.move(positions);
        canvas.refresh();
    }

    // ------------------------------------------------------------------ rubber band

    private void endBand(Point2D end) {
        canvas.band().setVisible(false);
        double x0 = Math.min(end.getX(), pressWorld.getX());
        double y0 = Math.min(end.getY(), pressWorld.getY());
        double x1 = Math.max(end.getX(), pressWorld.getX());
        double y1 = Math.max(end.getY(), pressWorld.getY());
        Set<String> inside = new HashSet<>();
        for (LayerNode n : model.document().nodes()) {
            if (n.x() + NODE_WIDTH >= x0 && n.x() <= x1 && n.y() + NODE_HEIGHT >= y0 && n.y() <= y1) {
                inside.add(n.id());
            }
        }
        if (x1 - x0 < 2 && y1 - y0 < 2) {
            return; // a click on empty canvas: selection already cleared
        }
        if (additive) {
            model.selection().nodes().addAll(inside);
        } else {
            model.selection().selectOnly(model.document().nodes().stream().map(LayerNode::id).filter(inside::contains).toList());
        }
    }

    // ------------------------------------------------------------------ wiring

    private void startWire(String from) {
        mode = Mode.WIRE;
        wireFrom = from;
        wireTarget = null;
        wireVerdict = null;
        verdicts.clear();
        Point2D start = canvas.outputPortOf(from);
        var wire = canvas.pendingWire();
        wire.setStartX(start.getX());
        wire.setStartY(start.getY());
        placeWireEnd(start);
        wire.getStyleClass().removeAll("allowed", "refused");
        wire.setVisible(true);
    }

    private void placeWireEnd(Point2D end) {
        var wire = canvas.pendingWire();
        double bend = Math.max(40, Math.abs(end.getX() - wire.getStartX()) / 2);
        wire.setControlX1(wire.getStartX() + bend);
        wire.setControlY1(wire.getStartY());
        wire.setControlX2(end.getX() - bend);
        wire.setControlY2(end.getY());
        wire.setEndX(end.getX());
        wire.setEndY(end.getY());
    }

    private void dragWire(Point2D at, Point2D screen) {
        placeWireEnd(at);
        if (wireTarget != null) {
            canvas.nodeView(wireTarget.to()).highlightPort(-1, true);
        }
        wireTarget = targetAt(at);
        var wire = canvas.pendingWire();
        wire.getStyleClass().removeAll("allowed", "refused");
        var reason = canvas.reason();
        if (wireTarget == null) {
            wireVerdict = null;
            reason.setVisible(false);
            return;
        }
        wireVerdict = verdicts.computeIfAbsent(wireTarget, t -> model.validator().check(model.document(), t));
        canvas.nodeView(wireTarget.to()).highlightPort(wireTarget.toPort(), wireVerdict.allowed());
        wire.getStyleClass().add(wireVerdict.allowed() ? "allowed" : "refused");
        if (wireVerdict.allowed()) {
            reason.setVisible(false);
        } else {
            reason.setText(wireVerdict.reason());
            reason.relocate(Math.min(screen.getX() + 16, Math.max(0, canvas.getWidth() - 370)), screen.getY() + 18);
            reason.setVisible(true);
        }
    }

    /** The wire that would be made if the drag ended at this canvas point, or null. */
    private Edge targetAt(Point2D at) {
        List<LayerNode> nodes = model.document().nodes();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            LayerNode n = nodes.get(i);
            if (!n.id().equals(wireFrom) && CanvasGeometry.near(n, at.getX(), at.getY())) {
                int ports = canvas.inputPortCount(n.id());
                Set<Integer> taken = new HashSet<>();
                for (Edge e : model.document().edges()) {
                    if (e.to().equals(n.id())) {
                        taken.add(e.toPort());
                    }
                }
                return Edge.of(wireFrom, n.id(), CanvasGeometry.dropPort(n, Math.max(ports, 1), taken, at.getX(), at.getY()));
            }
        }
        return null;
    }

    private void endWire() {
        canvas.pendingWire().setVisible(false);
        canvas.reason().setVisible(false);
        if (wireTarget != null) {
            canvas.nodeView(wireTarget.to()).highlightPort(-1, true);
            model.connect(wireTarget); // refused wires are reported by the model
        }
        wireTarget = null;
        wireFrom = null;
    }

    // ------------------------------------------------------------------ zoom, pan keys, palette drop

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        canvas.zoomAt(Math.pow(1.0015, e.getDeltaY()), p.getX(), p.getY());
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = true;
            if (mode == Mode.NONE) {
                canvas.setCursor(Cursor.OPEN_HAND);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && mode == Mode.WIRE) {
            wireTarget = null;
            endWire();
            mode = Mode.NONE;
            e.consume();
        }
    }

    private void keyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE) {
            spaceDown = false;
            if (mode != Mode.PAN) {
                canvas.setCursor(Cursor.DEFAULT);
            }
            e.consume();
        }
    }

    private void dropOver(MouseDragEvent e) {
        LayerDrop drop = LayerDrop.of(e.getGestureSource());
        if (drop == null) {
            return;
        }
        Point2D p = local(e);
        var ghost = canvas.ghost();
        ghost.setText(drop.title());
        double s = canvas.camera().scale();
        ghost.setMinSize(NODE_WIDTH * s, NODE_HEIGHT * s);
        ghost.relocate(p.getX() - NODE_WIDTH * s / 2, p.getY() - NODE_HEIGHT * s / 2);
        ghost.setVisible(true);
        e.consume();
    }

    private void dropped(MouseDragEvent e) {
        canvas.ghost().setVisible(false);
        LayerDrop drop = LayerDrop.of(e.getGestureSource());
        if (drop == null) {
            return;
        }
        Point2D at = world(e);
        model.addLayer(drop.kindId(), drop.params(), at.getX() - NODE_WIDTH / 2, at.getY() - NODE_HEIGHT / 2);
        canvas.requestFocus();
        e.consume();
    }
}
