package dev.deepcanvas.designer.canvas;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;

/**
 * The drawing of the network: layer boxes, wires labelled with shapes, and the gestures that edit
 * them. It redraws from the model's analysis (one per document revision); while a gesture runs only
 * the views move, and the model changes once, when the gesture ends.
 *
 * <p>Only what is on screen is drawn, and when zoomed far out the boxes lose their text, so large
 * networks pan and zoom smoothly.
 */
public final class NetworkCanvas extends Region {

    /** Below this many screen pixels per canvas unit, text is hidden. */
    static final double DETAIL_SCALE = 0.45;
    static final double NORMAL_PORT = 7;
    static final double PRESENTATION_PORT = 10;

    private final DesignerModel model;
    private final Camera camera = new Camera(this::cameraMoved);
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group dragLayer = new Group();
    private final Pane overlay = new Pane();
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edgeViews = new LinkedHashMap<>();
    private final Map<String, Integer> inputPorts = new HashMap<>();
    private final CubicCurve pendingWire = new CubicCurve();
    private final Label reason = new Label();
    private final Rectangle band = new Rectangle();
    private final Label ghost = new Label();
    private boolean detailed = true;
    private boolean fitPending;
    private boolean presentation;
    private final CanvasGestures gestures;

    public NetworkCanvas(DesignerModel model) {
        this.model = model;
        getStyleClass().add("network-canvas");
        setFocusTraversable(true);
        world.getTransforms().add(camera.transform());
        world.getChildren().addAll(edgeLayer, nodeLayer, dragLayer);
        pendingWire.getStyleClass().add("pending-wire");
        pendingWire.setVisible(false);
        pendingWire.setMouseTransparent(true);
        dragLayer.getChildren().add(pendingWire);
        dragLayer.setMouseTransparent(true);
        reason.getStyleClass().add("wire-reason");
        reason.setVisible(false);
        reason.setWrapText(true);
        reason.setMaxWidth(360);
        band.getStyleClass().add("rubber-band");
        band.setVisible(false);
        ghost.getStyleClass().add("drop-ghost");
        ghost.setVisible(false);
        ghost.setMinSize(NODE_WIDTH, NODE_HEIGHT / 2);
        overlay.setMouseTransparent(true);
        overlay.getChildren().addAll(band, reason, ghost);
        getChildren().addAll(world, overlay);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        gestures = new CanvasGestures(this, model);
        model.revisionProperty().addListener((o, a, b) -> refresh());
        model.selection().nodes().addListener((SetChangeListener<String>) c -> showSelection());
        model.selection().edges().addListener((SetChangeListener<Edge>) c -> showSelection());
        model.onReveal(this::centreOn);
        refresh();
    }

    // ------------------------------------------------------------------ drawing from the model

    /** Brings every view in line with the document and its analysis. */
    void refresh() {
        NetworkDocument doc = model.document();
        NetworkAnalysis analysis = model.analysis();
        Map<String, List<Diagnostic>> problems = new HashMap<>();
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.nodeId() != null) {
                problems.computeIfAbsent(d.nodeId(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Integer> highestPort = new HashMap<>();
        for (Edge e : doc.edges()) {
            highestPort.merge(e.to(), e.toPort(), Math::max);
        }
        Set<String> present = new HashSet<>();
        for (LayerNode n : doc.nodes()) {
            present.add(n.id());
            NodeView view = nodeViews.computeIfAbsent(n.id(), this::createNodeView);
            LayerKind kind = model.catalog().find(n.kind()).orElse(null);
            int ports = kind == null ? 1 : CanvasGeometry.inputPorts(kind, highestPort.getOrDefault(n.id(), -1));
            inputPorts.put(n.id(), ports);
            view.update(content(n, kind, analysis.info(n.id()).orElse(null), problems.getOrDefault(n.id(), List.of()), ports));
            view.setLayoutX(n.x());
            view.setLayoutY(n.y());
            view.setTranslateX(0);
            view.setTranslateY(0);
        }
        nodeViews.keySet().removeIf(id -> {
            if (!present.contains(id)) {
                nodeLayer.getChildren().remove(nodeViews.get(id));
                inputPorts.remove(id);
                return true;
            }
            return false;
        });
        Set<Edge> wires = new HashSet<>(doc.edges());
        edgeViews.keySet().removeIf(e -> {
            if (!wires.contains(e)) {
                edgeLayer.getChildren().remove(edgeViews.get(e));
                return true;
            }
            return false;
        });
        for (Edge e : doc.edges()) {
            if (nodeViews.containsKey(e.from()) && nodeViews.containsKey(e.to())) {
                EdgeView view = edgeViews.computeIfAbsent(e, this::createEdgeView);
                layoutEdge(view, analysis);
            }
        }
        showSelection();
        cull();
    }

    private NodeView.Content content(LayerNode n, LayerKind kind, NodeInfo info, List<Diagnostic> diagnostics, int ports) {
        String group = kind == null ? "group-unknown" : "group-" + kind.group().name().toLowerCase();
        String icon = kind == null ? Icons.ERROR : Icons.of(kind.group());
        String shape = info == null ? "→ ?" : "→ " + info.shape().display();
        String params = info == null ? "" : info.parameters() == 0 ? "no params" : String.format("%,d params", info.parameters());
        return new NodeView.Content(n.kind(), group, icon, model.names().keyParams(n), shape, params, diagnostics, ports, true);
    }

    private NodeView createNodeView(String id) {
        NodeView view = new NodeView(id);
        view.setPortRadius(presentation ? PRESENTATION_PORT : NORMAL_PORT);
        view.setDetailed(detailed);
        nodeLayer.getChildren().add(view);
        return view;
    }

    private EdgeView createEdgeView(Edge e) {
        EdgeView view = new EdgeView(e);
        view.setDetailed(detailed);
        edgeLayer.getChildren().add(view);
        return view;
    }

    private void layoutEdge(EdgeView view, NetworkAnalysis analysis) {
        Edge e = view.edge();
        String shape = analysis.shapeOf(e.from()).map(s -> s.display()).orElse("?");
        view.update(outputPortOf(e.from()), inputPortOf(e.to(), e.toPort()), shape);
    }

    /** Where a layer's output port is now, following a layer being dragged. */
    Point2D outputPortOf(String id) {
        NodeView v = nodeViews.get(id);
        return CanvasGeometry.outputPort(v.getLayoutX() + v.getTranslateX(), v.getLayoutY() + v.getTranslateY());
    }

    Point2D inputPortOf(String id, int port) {
        NodeView v = nodeViews.get(id);
        int ports = Math.max(inputPorts.getOrDefault(id, 1), port + 1);
        return CanvasGeometry.inputPort(v.getLayoutX() + v.getTranslateX(), v.getLayoutY() + v.getTranslateY(), port, ports);
    }

    /** Re-lays the wires of layers whose views are being dragged. */
    void layoutEdgesOf(Set<String> moving) {
        NetworkAnalysis analysis = model.analysis();
        for (EdgeView view : edgeViews.values()) {
            if (moving.contains(view.edge().from()) || moving.contains(view.edge().to())) {
                layoutEdge(view, analysis);
            }
        }
    }

    private void showSelection() {
        Set<String> nodes = model.selection().nodes();
        nodeViews.forEach((id, v) -> v.setSelected(nodes.contains(id)));
        Set<Edge> edges = model.selection().edges();
        edgeViews.forEach((e, v) -> v.setSelected(edges.contains(e)));
    }

    // ------------------------------------------------------------------ camera

    private void cameraMoved() {
        boolean wantDetail = camera.scale() >= DETAIL_SCALE;
        if (wantDetail != detailed) {
            detailed = wantDetail;
            nodeViews.values().forEach(v -> v.setDetailed(wantDetail));
            edgeViews.values().forEach(v -> v.setDetailed(wantDetail));
        }
        cull();
    }

    /** Hides what lies off screen, so drawing costs what is visible, not what exists. */
    private void cull() {
        double w = getWidth() > 0 ? getWidth() : 1600;
        double h = getHeight() > 0 ? getHeight() : 1000;
        Rectangle2D r = camera.visible(w, h);
        double pad = 20;
        double x0 = r.getMinX() - pad;
        double y0 = r.getMinY() - pad;
        double x1 = r.getMaxX() + pad;
        double y1 = r.getMaxY() + pad;
        for (NodeView v : nodeViews.values()) {
            double x = v.getLayoutX() + v.getTranslateX();
            double y = v.getLayoutY() + v.getTranslateY();
            boolean on = x + NODE_WIDTH >= x0 && x <= x1 && y + NODE_HEIGHT >= y0 && y <= y1;
            if (v.isVisible() != on) {
                v.setVisible(on);
            }
        }
        for (EdgeView v : edgeViews.values()) {
            boolean on = v.overlaps(x0, y0, x1, y1);
            if (v.isVisible() != on) {
                v.setVisible(on);
            }
        }
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return camera.zoomProperty();
    }

    public void zoomIn() {
        camera.zoomAt(1.25, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        camera.zoomAt(1 / 1.25, getWidth() / 2, getHeight() / 2);
    }

    void zoomAt(double factor, double x, double y) {
        camera.zoomAt(factor, x, y);
    }

    void panBy(double dx, double dy) {
        camera.panBy(dx, dy);
    }

    /** Shows the whole network, at most at 100 %. */
    public void fitToView() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        List<LayerNode> nodes = model.document().nodes();
        if (nodes.isEmpty()) {
            camera.set(1, 40, 40);
            return;
        }
        double x0 = Double.MAX_VALUE;
        double y0 = Double.MAX_VALUE;
        double x1 = -Double.MAX_VALUE;
        double y1 = -Double.MAX_VALUE;
        for (LayerNode n : nodes) {
            x0 = Math.min(x0, n.x());
            y0 = Math.min(y0, n.y());
            x1 = Math.max(x1, n.x() + NODE_WIDTH);
            y1 = Math.max(y1, n.y() + NODE_HEIGHT);
        }
        double margin = 48;
        Rectangle2D area = new Rectangle2D(x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin);
        camera.fit(area, getWidth(), getHeight(), presentation ? Camera.PRESENTATION_SCALE : 1);
    }

    /** Centres a layer on screen, zooming in if it would be too small to read. */
    public void centreOn(String id) {
        model.document().node(id).ifPresent(n -> {
            if (camera.scale() < 0.8) {
                camera.set(presentation ? 1 : 1, camera.offsetX(), camera.offsetY());
            }
            camera.centre(n.x() + NODE_WIDTH / 2, n.y() + NODE_HEIGHT / 2, getWidth(), getHeight());
        });
    }

    /** Presentation mode: larger text, thicker wires and larger ports. */
    public void setPresentation(boolean on) {
        presentation = on;
        pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("presentation"), on);
        nodeViews.values().forEach(v -> v.setPortRadius(on ? PRESENTATION_PORT : NORMAL_PORT));
        double cx = getWidth() / 2;
        double cy = getHeight() / 2;
        Point2D centre = camera.toWorld(cx, cy);
        camera.setPresentation(on);
        camera.centre(centre.getX(), centre.getY(), getWidth(), getHeight());
    }

    @Override
    protected void layoutChildren() {
        overlay.resizeRelocate(0, 0, getWidth(), getHeight());
        if (fitPending && getWidth() > 0 && getHeight() > 0) {
            fitPending = false;
            fitToView();
        }
        cull();
    }

    // ------------------------------------------------------------------ for the gestures

    Camera camera() {
        return camera;
    }

    NodeView nodeView(String id) {
        return nodeViews.get(id);
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    EdgeView edgeView(Edge e) {
        return edgeViews.get(e);
    }

    int inputPortCount(String id) {
        return inputPorts.getOrDefault(id, 0);
    }

    CubicCurve pendingWire() {
        return pendingWire;
    }

    Label reason() {
        return reason;
    }

    Rectangle band() {
        return band;
    }

    Label ghost() {
        return ghost;
    }

    CanvasGestures gestures() {
        return gestures;
    }

    /** The canvas point under a point of the scene. */
    public Point2D sceneToWorld(double sceneX, double sceneY) {
        Point2D local = sceneToLocal(sceneX, sceneY);
        return camera.toWorld(local.getX(), local.getY());
    }

    /** The scene point showing a canvas point (for tests and tools that aim at a layer). */
    public Point2D worldToScene(double x, double y) {
        Point2D local = camera.toScreen(x, y);
        return localToScene(local.getX(), local.getY());
    }

    /** Where the centre of a layer is on the screen. */
    public Point2D screenCentreOf(String id) {
        LayerNode n = model.document().node(id).orElseThrow();
        Point2D scene = worldToScene(n.x() + NODE_WIDTH / 2, n.y() + NODE_HEIGHT / 2);
        return localToScreen(sceneToLocal(scene));
    }

    /** Where a layer's output port is on the screen. */
    public Point2D screenOutputPortOf(String id) {
        Point2D p = outputPortOf(id);
        return localToScreen(sceneToLocal(worldToScene(p.getX(), p.getY())));
    }

    /** Where a layer's input port is on the screen. */
    public Point2D screenInputPortOf(String id, int port) {
        Point2D p = inputPortOf(id, port);
        return localToScreen(sceneToLocal(worldToScene(p.getX(), p.getY())));
    }

    /** The shape written on a wire, as drawn. */
    public String wireLabel(Edge e) {
        EdgeView v = edgeViews.get(e);
        return v == null ? null : v.labelText();
    }

    /** What a layer's box says: its output shape and parameter count, as drawn. */
    public String[] faceOf(String id) {
        NodeView v = nodeViews.get(id);
        return v == null ? null : new String[] {v.shownShape(), v.shownParams()};
    }

    /** How many layers are drawn (not culled). */
    public long drawnLayers() {
        return nodeViews.values().stream().filter(javafx.scene.Node::isVisible).count();
    }

    public boolean isDetailed() {
        return detailed;
    }
}
