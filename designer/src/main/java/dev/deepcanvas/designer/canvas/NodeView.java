package dev.deepcanvas.designer.canvas;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;

import dev.deepcanvas.designer.ui.Icons;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One layer on the canvas: its kind and id, key parameters, output shape and parameter count, an
 * error or warning badge, and its ports. Updated in place from the document; redraws only what
 * changed.
 */
final class NodeView extends Group {

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    static final PseudoClass TARGET = PseudoClass.getPseudoClass("target");
    static final PseudoClass FAR = PseudoClass.getPseudoClass("far");

    private final String id;
    private final VBox body = new VBox();
    private final Label title = new Label();
    private final FontIcon badge = new FontIcon(Icons.ERROR);
    private final Label keyParams = new Label();
    private final Label shape = new Label();
    private final Label params = new Label();
    private final List<Circle> inPorts = new ArrayList<>();
    private final Circle outPort = new Circle();
    private final Group ports = new Group();
    private final Tooltip problems = new Tooltip();
    private final Tooltip whole = new Tooltip();
    private final Label activity = new Label();
    private final Tooltip activityTip = new Tooltip();
    private Activity shownActivity;
    private Content shown;
    private double portRadius = 7;
    private boolean built;

    /** Everything the face shows; the view redraws when it changes. */
    record Content(String kindId, String groupStyle, String icon, String keyParams, String shape, String params,
            List<Diagnostic> diagnostics, int inputPorts, boolean hasOutput) {}

    /**
     * A live indicator while training: a short figure ("upd 1e-3", "σ 0.8") and whether it is in
     * the healthy range, with what to do when not.
     */
    record Activity(String text, boolean healthy, String explanation) {}

    NodeView(String id) {
        this.id = id;
        Role.mark(body, new Role.Body(id));
        body.getStyleClass().add("layer-node");
        body.setMinSize(NODE_WIDTH, NODE_HEIGHT);
        body.setPrefSize(NODE_WIDTH, NODE_HEIGHT);
        body.setMaxSize(NODE_WIDTH, NODE_HEIGHT);
        getChildren().add(body);
        getStyleClass().add("layer-view");
    }

    /** Builds the text and the ports the first time the layer is seen close up. */
    private void buildDetail() {
        built = true;
        Role.mark(outPort, new Role.OutPort(id));
        title.getStyleClass().add("layer-title");
        badge.getStyleClass().add("layer-badge");
        badge.setVisible(false);
        badge.setManaged(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        activity.getStyleClass().add("layer-activity");
        activity.setVisible(false);
        activity.setManaged(false);
        activity.setTooltip(activityTip);
        HBox header = new HBox(6, title, spacer, activity, badge);
        header.getStyleClass().add("layer-header");
        header.setMinHeight(30);
        keyParams.getStyleClass().add("layer-params");
        shape.getStyleClass().add("layer-shape");
        shape.setMinWidth(Region.USE_PREF_SIZE); // the shape is never cut; the count gives way
        params.getStyleClass().add("layer-count");
        HBox footer = new HBox(shape);
        footer.getStyleClass().add("layer-footer");
        VBox.setVgrow(keyParams, Priority.ALWAYS);
        keyParams.setMaxHeight(Double.MAX_VALUE);
        // The id is in the tooltip and the inspector; the face keeps what the issue asks for:
        // kind, key parameters, parameter count and output shape, each whole.
        body.getChildren().addAll(header, keyParams, params, footer);
        Tooltip.install(body, whole);
        outPort.getStyleClass().addAll("port", "out-port");
        getChildren().add(ports);
        if (shown != null && !shown.icon().isEmpty()) {
            showDetail(shown, null);
        }
        showActivity(shownActivity);
    }

    /** Shows (or with null hides) the live training indicator. */
    void showActivity(Activity a) {
        shownActivity = a;
        if (!built) {
            return;
        }
        activity.setVisible(a != null);
        activity.setManaged(a != null);
        if (a != null) {
            activity.setText(a.text());
            activityTip.setText(a.explanation());
            activity.pseudoClassStateChanged(WARNING, !a.healthy());
        }
    }

    Activity shownActivity() {
        return shownActivity;
    }

    String nodeId() {
        return id;
    }

    void update(Content c) {
        if (c.equals(shown)) {
            return;
        }
        if (shown == null || !shown.groupStyle().equals(c.groupStyle())) {
            body.getStyleClass().removeIf(s -> s.startsWith("group-"));
            body.getStyleClass().add(c.groupStyle());
        }
        boolean error = c.diagnostics().stream().anyMatch(Diagnostic::isError);
        body.pseudoClassStateChanged(ERROR, error);
        body.pseudoClassStateChanged(WARNING, !error && !c.diagnostics().isEmpty());
        Content before = shown;
        shown = c;
        if (built) {
            showDetail(c, before);
        }
    }

    private void showDetail(Content c, Content before) {
        if (before == null || !before.icon().equals(c.icon())) {
            FontIcon icon = Icons.icon(c.icon());
            icon.getStyleClass().add("layer-icon");
            title.setGraphic(icon);
        }
        title.setText(c.kindId());
        keyParams.setText(c.keyParams());
        shape.setText(c.shape());
        params.setText(c.params());
        whole.setText(id + " · " + c.kindId() + " · output " + c.shape().replace("→ ", "") + " · " + c.params());
        showDiagnostics(c.diagnostics());
        if (before == null || before.inputPorts() != c.inputPorts() || before.hasOutput() != c.hasOutput()) {
            buildPorts(c.inputPorts(), c.hasOutput());
        }
    }

    private void showDiagnostics(List<Diagnostic> diagnostics) {
        boolean error = diagnostics.stream().anyMatch(Diagnostic::isError);
        boolean warning = !error && !diagnostics.isEmpty();
        badge.setVisible(error || warning);
        badge.setManaged(error || warning);
        if (error || warning) {
            badge.setIconLiteral(error ? Icons.ERROR : Icons.WARNING);
            badge.getStyleClass().removeAll("badge-error", "badge-warning");
            badge.getStyleClass().add(error ? "badge-error" : "badge-warning");
            problems.setText(String.join("\n", diagnostics.stream().map(d -> d.message() + " " + d.hint()).toList()));
            Tooltip.install(badge, problems);
        } else {
            Tooltip.uninstall(badge, problems);
        }
    }

    private void buildPorts(int inputs, boolean output) {
        inPorts.clear();
        ports.getChildren().clear();
        for (int p = 0; p < inputs; p++) {
            Circle c = new Circle();
            c.getStyleClass().addAll("port", "in-port");
            Role.mark(c, new Role.InPort(id, p));
            Point2D at = CanvasGeometry.inputPort(0, 0, p, inputs);
            c.setCenterX(at.getX());
            c.setCenterY(at.getY());
            inPorts.add(c);
            ports.getChildren().add(c);
        }
        if (output) {
            Point2D at = CanvasGeometry.outputPort(0, 0);
            outPort.setCenterX(at.getX());
            outPort.setCenterY(at.getY());
            ports.getChildren().add(outPort);
        }
        setPortRadius(portRadius);
    }

    void setPortRadius(double radius) {
        portRadius = radius;
        inPorts.forEach(c -> c.setRadius(radius));
        outPort.setRadius(radius);
    }

    void setSelected(boolean selected) {
        body.pseudoClassStateChanged(SELECTED, selected);
    }

    /** Marks an input port as where a dragged wire would go (-1 for none) and whether it may. */
    void highlightPort(int port, boolean allowed) {
        for (int p = 0; p < inPorts.size(); p++) {
            Circle c = inPorts.get(p);
            c.pseudoClassStateChanged(TARGET, p == port);
            c.getStyleClass().remove("refused");
            if (p == port && !allowed) {
                c.getStyleClass().add("refused");
            }
        }
    }

    /** Far away, text is unreadable and costly to draw (and to build): show only coloured boxes. */
    void setDetailed(boolean detailed) {
        if (detailed && !built) {
            buildDetail();
        }
        body.pseudoClassStateChanged(FAR, !detailed);
        if (built && ports.isVisible() != detailed) {
            body.getChildren().forEach(n -> n.setVisible(detailed));
            ports.setVisible(detailed);
        }
    }

    /** True once the texts and ports exist (the layer was seen close up). */
    boolean isBuilt() {
        return built;
    }

    String shownShape() {
        return shown == null ? "" : shown.shape();
    }

    String shownParams() {
        return shown == null ? "" : shown.params();
    }

    boolean showsError() {
        return body.getPseudoClassStates().contains(ERROR);
    }

    boolean showsWarning() {
        return body.getPseudoClassStates().contains(WARNING);
    }

    Circle outPort() {
        if (!built) {
            buildDetail();
        }
        return outPort;
    }

    VBox body() {
        return body;
    }

    @Override
    public String toString() {
        return "NodeView[" + id + ", " + Objects.toString(shown) + "]";
    }
}
