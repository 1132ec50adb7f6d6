package dev.deepcanvas.designer.canvas;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.StartWeights;
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
    /** An opened network is shown at least this large, so its text can be read. */
    static final double READABLE_SCALE = 0.5;
    static final double NORMAL_PORT = 7;
    static final double PRESENTATION_PORT = 10;

    private final DesignerModel model;
    private final Camera camera = new Camera(this::cameraMoved);
    private final Group world = new Group();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    private final Group labelLayer = new Group();
    private final Group dragLayer = new Group();
    private final Pane overlay = new Pane();
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edgeViews = new LinkedHashMap<>();
    private final Map<String, Integer> inputPorts = new HashMap<>();
    private final Map<String, LayerNode> layers = new LinkedHashMap<>();
    private Map<String, List<Diagnostic>> problems = Map.of();
    private NetworkAnalysis analysis;
    /** With a trained model to start from: each layer with weights, null when it keeps the model's, else why not. */
    private Map<String, String> transfer = Map.of();
    private final Set<String> dragged = new HashSet<>();
    private double dragX;
    private double dragY;
    private final CubicCurve pendingWire = new CubicCurve();
    private final Label reason = new Label();
    private final Rectangle band = new Rectangle();
    private final Label ghost = new Label();
    private boolean detailed = true;
    private boolean fitPending;
    private boolean fitReadable;
    private boolean presentation;
    private final CanvasGestures gestures;

    public NetworkCanvas(DesignerModel model) {
        this.model = model;
        getStyleClass().add("network-canvas");
        setFocusTraversable(true);
        world.getTransforms().add(camera.transform());
        world.getChildren().addAll(edgeLayer, nodeLayer, labelLayer, dragLayer);
        labelLayer.setMouseTransparent(true);
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
        model.startWeightsProperty().addListener((o, a, b) -> refresh());
        model.selection().nodes().addListener((SetChangeListener<String>) c -> showSelection());
        model.selection().edges().addListener((SetChangeListener<Edge>) c -> showSelection());
        model.onReveal(this::centreOn);
        model.onLoaded(this::showLoaded);
        refresh();
    }

    // ------------------------------------------------------------------ drawing from the model

    /**
     * Brings the views in line with the document and its analysis. Views exist only for layers and
     * wires near the screen; {@link #cull()} makes and drops them as the view moves.
     */
    void refresh() {
        NetworkDocument doc = model.document();
        analysis = model.analysis();
        StartWeights start = model.startWeightsProperty().get();
        transfer = start == null ? Map.of() : start.preview(doc, analysis);
        problems = new HashMap<>();
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.nodeId() != null) {
                problems.computeIfAbsent(d.nodeId(), k -> new ArrayList<>()).add(d);
            }
        }
        Map<String, Integer> highestPort = new HashMap<>();
        for (Edge e : doc.edges()) {
            highestPort.merge(e.to(), e.toPort(), Math::max);
        }
        layers.clear();
        inputPorts.clear();
        for (LayerNode n : doc.nodes()) {
            layers.put(n.id(), n);
            LayerKind kind = model.catalog().find(n.kind()).orElse(null);
            inputPorts.put(n.id(), kind == null ? 1 : CanvasGeometry.inputPorts(kind, highestPort.getOrDefault(n.id(), -1)));
        }
        dragged.clear();
        dragX = 0;
        dragY = 0;
        nodeViews.entrySet().removeIf(entry -> {
            LayerNode n = layers.get(entry.getKey());
            if (n == null) {
                nodeLayer.getChildren().remove(entry.getValue());
                return true;
            }
            updateNodeView(entry.getValue(), n);
            return false;
        });
        Set<Edge> wires = new HashSet<>(doc.edges());
        edgeViews.entrySet().removeIf(entry -> {
            if (!wires.contains(entry.getKey()) || !layers.containsKey(entry.getKey().from()) || !layers.containsKey(entry.getKey().to())) {
                entry.getValue().dispose(edgeLayer);
                return true;
            }
            layoutEdge(entry.getValue());
            return false;
        });
        showSelection();
        cull();
    }

    private void updateNodeView(NodeView view, LayerNode n) {
        LayerKind kind = model.catalog().find(n.kind()).orElse(null);
        List<Diagnostic> diagnostics = problems.getOrDefault(n.id(), List.of());
        if (view.isBuilt()) {
            view.update(content(n, kind, analysis.info(n.id()).orElse(null), diagnostics, inputPorts.getOrDefault(n.id(), 1)));
        } else {
            // Seen from far away: only the colour and the problem border show, so skip the texts.
            view.update(new NodeView.Content(n.kind(), groupStyle(kind), "", "", "", "", diagnostics, 0, true));
        }
        view.setLayoutX(n.x());
        view.setLayoutY(n.y());
        boolean moving = dragged.contains(n.id());
        view.setTranslateX(moving ? dragX : 0);
        view.setTranslateY(moving ? dragY : 0);
    }

    private static String groupStyle(LayerKind kind) {
        return kind == null ? "group-unknown" : "group-" + kind.group().name().toLowerCase();
    }

    private NodeView.Content content(LayerNode n, LayerKind kind, NodeInfo info, List<Diagnostic> diagnostics, int ports) {
        String group = groupStyle(kind);
        boolean frozen = info != null && info.frozen();
        // a frozen layer wears a lock instead of its group's icon
        String icon = kind == null ? Icons.ERROR : frozen ? Icons.FROZEN : Icons.of(kind.group());
        String shape = info == null ? "→ ?" : "→ " + info.shape().display();
        String params = info == null ? "" : paramsText(info.parameters()) + (frozen ? " · frozen" : "") + startText(n.id());
        return new NodeView.Content(n.kind(), group, icon, model.names().keyParams(n), shape, params, diagnostics, ports, true);
    }

    /** " · from model" or " · fresh" on a layer with weights when the next run starts from a trained model. */
    private String startText(String id) {
        if (!transfer.containsKey(id)) {
            return "";
        }
        return transfer.get(id) == null ? " · from model" : " · fresh";
    }

    /** "1,344 params"; from a million on "2.4 M params", so the count fits on the box. */
    static String paramsText(long n) {
        return n < 1_000_000 ? String.format("%,d params", n) : String.format("%.1f M params", n / 1e6);
    }

    private NodeView createNodeView(LayerNode n) {
        NodeView view = new NodeView(n.id());
        view.setPortRadius(presentation ? PRESENTATION_PORT : NORMAL_PORT);
        view.setDetailed(detailed); // builds the texts only when seen close up
        view.setSelected(model.selection().nodes().contains(n.id()));
        updateNodeView(view, n);
        nodeLayer.getChildren().add(view);
        nodeViews.put(n.id(), view);
        return view;
    }

    private EdgeView createEdgeView(Edge e) {
        EdgeView view = new EdgeView(e, labelLayer);
        view.setDetailed(detailed);
        view.setSelected(model.selection().edges().contains(e));
        layoutEdge(view);
        edgeLayer.getChildren().add(view);
        edgeViews.put(e, view);
        return view;
    }

    private void layoutEdge(EdgeView view) {
        Edge e = view.edge();
        String shape = analysis.shapeOf(e.from()).map(s -> s.display()).orElse("?");
        view.update(outputPortOf(e.from()), inputPortOf(e.to(), e.toPort()), shape);
    }

    private double xOf(LayerNode n) {
        return dragged.contains(n.id()) ? n.x() + dragX : n.x();
    }

    private double yOf(LayerNode n) {
        return dragged.contains(n.id()) ? n.y() + dragY : n.y();
    }

    /** Where a layer's output port is now, following a layer being dragged. */
    Point2D outputPortOf(String id) {
        LayerNode n = layers.get(id);
        return CanvasGeometry.outputPort(xOf(n), yOf(n));
    }

    Point2D inputPortOf(String id, int port) {
        LayerNode n = layers.get(id);
        int ports = Math.max(inputPorts.getOrDefault(id, 1), port + 1);
        return CanvasGeometry.inputPort(xOf(n), yOf(n), port, ports);
    }

    /** Shows layers displaced by a drag that has not ended; the document is unchanged. */
    void dragBy(Set<String> ids, double dx, double dy) {
        dragged.clear();
        dragged.addAll(ids);
        dragX = dx;
        dragY = dy;
        for (String id : ids) {
            NodeView v = nodeViews.get(id);
            if (v != null) {
                v.setTranslateX(dx);
                v.setTranslateY(dy);
            }
        }
        for (EdgeView view : edgeViews.values()) {
            if (ids.contains(view.edge().from()) || ids.contains(view.edge().to())) {
                layoutEdge(view);
            }
        }
        cull();
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
            nodeViews.forEach((id, v) -> {
                boolean wasBuilt = v.isBuilt();
                v.setDetailed(wantDetail);
                if (!wasBuilt && v.isBuilt()) {
                    updateNodeView(v, layers.get(id)); // now with its texts
                }
            });
            edgeViews.values().forEach(v -> v.setDetailed(wantDetail));
        }
        cull();
    }

    /**
     * Draws only what is on screen: makes views for layers and wires that came into view, hides the
     * ones just outside, and drops the ones far away, so drawing and memory cost what is visible.
     */
    private void cull() {
        if (analysis == null) {
            return;
        }
        double w = getWidth() > 0 ? getWidth() : 1600;
        double h = getHeight() > 0 ? getHeight() : 1000;
        Rectangle2D r = camera.visible(w, h);
        double pad = 20;
        double x0 = r.getMinX() - pad;
        double y0 = r.getMinY() - pad;
        double x1 = r.getMaxX() + pad;
        double y1 = r.getMaxY() + pad;
        double keepX = Math.max(r.getWidth(), 2000);
        double keepY = Math.max(r.getHeight(), 2000);
        for (LayerNode n : layers.values()) {
            double x = xOf(n);
            double y = yOf(n);
            boolean on = x + NODE_WIDTH >= x0 && x <= x1 && y + NODE_HEIGHT >= y0 && y <= y1;
            NodeView v = nodeViews.get(n.id());
            if (v == null) {
                if (on) {
                    createNodeView(n);
                }
            } else if (!on && !dragged.contains(n.id())
                    && (x + NODE_WIDTH < x0 - keepX || x > x1 + keepX || y + NODE_HEIGHT < y0 - keepY || y > y1 + keepY)) {
                nodeLayer.getChildren().remove(v);
                nodeViews.remove(n.id());
            } else if (v.isVisible() != on) {
                v.setVisible(on);
            }
        }
        for (Edge e : model.document().edges()) {
            LayerNode from = layers.get(e.from());
            LayerNode to = layers.get(e.to());
            if (from == null || to == null) {
                continue;
            }
            double ax = xOf(from) + NODE_WIDTH;
            double bx = xOf(to);
            double ay = yOf(from);
            double by = yOf(to);
            double minX = Math.min(ax, bx) - 60;
            double maxX = Math.max(ax, bx) + 60;
            double minY = Math.min(ay, by) - 30;
            double maxY = Math.max(ay, by) + NODE_HEIGHT + 30;
            boolean on = maxX >= x0 && minX <= x1 && maxY >= y0 && minY <= y1;
            EdgeView v = edgeViews.get(e);
            if (v == null) {
                if (on) {
                    createEdgeView(e);
                }
            } else if (!on && (maxX < x0 - keepX || minX > x1 + keepX || maxY < y0 - keepY || minY > y1 + keepY)) {
                v.dispose(edgeLayer);
                edgeViews.remove(e);
            } else if (v.isVisible() != on) {
                v.show(on);
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

    /** Zooms by a factor around a point of the canvas (its own coordinates). */
    public void zoomAt(double factor, double x, double y) {
        camera.zoomAt(factor, x, y);
    }

    /** Moves the view by screen pixels. */
    public void panBy(double dx, double dy) {
        camera.panBy(dx, dy);
    }

    /** Shows the whole network, at most at 100 %. */
    public void fitToView() {
        fit(false);
    }

    /**
     * A newly opened network: the whole of it if it is readable that way, else its start (the
     * top-left) at the smallest zoom that still shows text.
     */
    void showLoaded() {
        fit(true);
    }

    private void fit(boolean readable) {
        if (getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            fitReadable = readable;
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
        double boost = presentation ? Camera.PRESENTATION_SCALE : 1;
        double whole = Math.min(boost, Math.min(getWidth() / area.getWidth(), getHeight() / area.getHeight()));
        if (readable && whole < READABLE_SCALE) {
            // One camera move, straight to the start: no frame ever draws the whole network.
            camera.set(READABLE_SCALE / boost, -area.getMinX() * READABLE_SCALE, -area.getMinY() * READABLE_SCALE);
        } else {
            camera.fit(area, getWidth(), getHeight(), boost);
        }
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
            fit(fitReadable);
        }
        cull();
    }

    // ------------------------------------------------------------------ for the gestures

    Camera camera() {
        return camera;
    }

    /**
     * Live training indicators on the layers: each layer's update-to-weight ratio (or, without
     * weights, the spread of its outputs), amber when out of the healthy range. Null hides them.
     */
    public void showLayerHealth(java.util.Map<String, dev.deepcanvas.runtime.train.LayerHealth> layers) {
        for (var e : nodeViews.entrySet()) {
            var h = layers == null ? null : layers.get(e.getKey());
            e.getValue().showActivity(h == null ? null : activity(h));
        }
    }

    static NodeView.Activity activity(dev.deepcanvas.runtime.train.LayerHealth h) {
        String text;
        String what;
        if (!Double.isNaN(h.updateRatio())) {
            text = String.format("upd %.0e", h.updateRatio());
            what = String.format("Weights change by %.2g of their size per step (healthy: about 1e-3).", h.updateRatio());
        } else {
            text = String.format("σ %.2g", h.activationStd());
            what = String.format("Outputs: mean %.3g, spread %.3g, %.0f %% zero.", h.activationMean(), h.activationStd(), h.zeroFraction() * 100);
        }
        return new NodeView.Activity(text, h.healthy(), h.healthy() ? what : what + "\n" + h.advice());
    }

    /** The live indicator a layer shows, or null (for tests). */
    public String activityOf(String id) {
        NodeView v = nodeViews.get(id);
        return v == null || v.shownActivity() == null ? null : v.shownActivity().text();
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
