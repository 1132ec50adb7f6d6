package dev.deepcanvas.designer.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.event.Event;
import javafx.event.EventType;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Canvas gestures driven by synthetic mouse events fired at the canvas's own nodes: fast, exact,
 * and no robot. Each test starts from the course example at 100 % zoom.
 */
@ExtendWith(ApplicationExtension.class)
class CanvasGesturesTest {

    private final DesignerModel model = DesignerModel.standard();
    private NetworkCanvas canvas;
    private Label paletteItem;
    private FxRobot robot;
    private NetworkDocument original;

    @Start
    void start(Stage stage) {
        canvas = new NetworkCanvas(model);
        paletteItem = new Label("Dense");
        stage.setScene(new Scene(new StackPane(canvas, paletteItem), 1400, 700));
        stage.show();
    }

    @BeforeEach
    void open(FxRobot robot) throws Exception {
        this.robot = robot;
        original = Templates.standard().load("keras-mlp");
        robot.interact(() -> {
            model.load(original, null, false);
            canvas.camera().set(1, 20, 100);
        });
    }

    // ------------------------------------------------------------------ helpers

    private Point2D sceneOf(double worldX, double worldY) {
        return canvas.worldToScene(worldX, worldY);
    }

    private Point2D centreOf(String id) {
        LayerNode n = model.document().node(id).orElseThrow();
        return sceneOf(n.x() + CanvasGeometry.NODE_WIDTH / 2, n.y() + CanvasGeometry.NODE_HEIGHT / 2);
    }

    private static MouseEvent mouse(EventType<MouseEvent> type, Point2D scene, MouseButton button, boolean shift) {
        boolean primary = button == MouseButton.PRIMARY && type != MouseEvent.MOUSE_RELEASED;
        boolean middle = button == MouseButton.MIDDLE && type != MouseEvent.MOUSE_RELEASED;
        return new MouseEvent(null, null, type, scene.getX(), scene.getY(), scene.getX(), scene.getY(), button, 1,
                shift, false, false, false, primary, middle, false, false, false, false, null);
    }

    /** Press on a node, drag through the points, release: as the scene would deliver it (to the pressed node). */
    private void gesture(Node target, MouseButton button, boolean shift, Point2D... path) {
        robot.interact(() -> {
            Event.fireEvent(target, mouse(MouseEvent.MOUSE_PRESSED, path[0], button, shift));
            for (int i = 1; i < path.length; i++) {
                Event.fireEvent(target, mouse(MouseEvent.MOUSE_DRAGGED, path[i], button, shift));
            }
            Event.fireEvent(target, mouse(MouseEvent.MOUSE_RELEASED, path[path.length - 1], button, shift));
        });
    }

    private void click(Node target, Point2D at, boolean shift) {
        gesture(target, MouseButton.PRIMARY, shift, at);
    }

    private Node body(String id) {
        return canvas.nodeView(id).body();
    }

    // ------------------------------------------------------------------ selection

    @Test
    void clicking_a_layer_selects_it_and_shift_click_adds_another() {
        click(body("dense_1"), centreOf("dense_1"), false);
        assertEquals(Set.of("dense_1"), model.selection().nodes());
        click(body("dense_2"), centreOf("dense_2"), true);
        assertEquals(Set.of("dense_1", "dense_2"), model.selection().nodes());
        click(body("dense_1"), centreOf("dense_1"), true);
        assertEquals(Set.of("dense_2"), model.selection().nodes(), "shift-click again deselects");
        click(canvas, sceneOf(100, 600), false);
        assertTrue(model.selection().isEmpty(), "a click on empty canvas clears");
    }

    @Test
    void a_rubber_band_selects_the_layers_it_touches() {
        gesture(canvas, MouseButton.PRIMARY, false, sceneOf(200, -50), sceneOf(400, 60), sceneOf(560, 60));
        assertEquals(Set.of("dense_1", "dropout_1"), model.selection().nodes());
        assertFalse(canvas.band().isVisible());
    }

    @Test
    void clicking_a_wire_selects_it_for_delete() {
        Edge wire = model.document().edges().get(0);
        EdgeView view = canvas.edgeView(wire);
        var curve = view.hitArea();
        Point2D mid = curve.localToScene((curve.getStartX() + curve.getEndX()) / 2, (curve.getStartY() + curve.getEndY()) / 2);
        click(curve, mid, false);
        assertEquals(Set.of(wire), model.selection().edges());
        robot.interact(model::deleteSelection);
        assertFalse(model.document().edges().contains(wire));
        assertEquals("Delete wire vector_input_1 → dense_1", model.undoManager().undoNameProperty().get());
    }

    // ------------------------------------------------------------------ move

    @Test
    void dragging_moves_the_view_only_and_commits_one_move_on_release() {
        Point2D from = centreOf("dense_1");
        Point2D to = from.add(120, 80);
        robot.interact(() -> {
            Event.fireEvent(body("dense_1"), mouse(MouseEvent.MOUSE_PRESSED, from, MouseButton.PRIMARY, false));
            Event.fireEvent(body("dense_1"), mouse(MouseEvent.MOUSE_DRAGGED, from.add(60, 40), MouseButton.PRIMARY, false));
            Event.fireEvent(body("dense_1"), mouse(MouseEvent.MOUSE_DRAGGED, to, MouseButton.PRIMARY, false));
        });
        assertEquals(240, model.document().node("dense_1").orElseThrow().x(), "the document waits for the release");
        assertEquals(120, canvas.nodeView("dense_1").getTranslateX(), 0.001);
        assertFalse(model.undoManager().canUndoProperty().get());
        robot.interact(() -> Event.fireEvent(body("dense_1"), mouse(MouseEvent.MOUSE_RELEASED, to, MouseButton.PRIMARY, false)));
        LayerNode moved = model.document().node("dense_1").orElseThrow();
        assertEquals(360, moved.x());
        assertEquals(80, moved.y());
        assertEquals(1, model.undoManager().undoDepth());
        assertEquals("Move Dense 64", model.undoManager().undoNameProperty().get());
        robot.interact(model::undo);
        assertEquals(original, model.document());
        assertEquals(240, canvas.nodeView("dense_1").getLayoutX());
    }

    @Test
    void dragging_one_of_several_selected_layers_moves_them_all_as_one_step() {
        robot.interact(() -> model.selection().selectOnly(List.of("dense_1", "dense_2")));
        gesture(body("dense_2"), MouseButton.PRIMARY, false, centreOf("dense_2"), centreOf("dense_2").add(0, 200));
        assertEquals(200, model.document().node("dense_1").orElseThrow().y());
        assertEquals(200, model.document().node("dense_2").orElseThrow().y());
        assertEquals("Move 2 layers", model.undoManager().undoNameProperty().get());
    }

    @Test
    void a_click_without_movement_records_no_move() {
        click(body("dense_1"), centreOf("dense_1"), false);
        assertFalse(model.undoManager().canUndoProperty().get());
    }

    // ------------------------------------------------------------------ wiring

    @Test
    void dragging_from_an_output_port_to_an_input_port_makes_a_wire() {
        robot.interact(() -> model.selection().selectOnly("dense_2"));
        robot.interact(() -> {
            model.execute(model.edits().delete(List.of(), List.of(Edge.of("dropout_1", "dense_2"))));
            model.selection().clear();
        });
        NetworkDocument cut = Documents.copy(model.document());
        Point2D out = sceneOf(canvas.outputPortOf("dropout_1").getX(), canvas.outputPortOf("dropout_1").getY());
        Point2D in = sceneOf(canvas.inputPortOf("dense_2", 0).getX(), canvas.inputPortOf("dense_2", 0).getY());
        gesture(canvas.nodeView("dropout_1").outPort(), MouseButton.PRIMARY, false, out, out.midpoint(in), in);
        assertTrue(model.document().edges().contains(Edge.of("dropout_1", "dense_2")));
        assertEquals("Connect dropout_1 → dense_2", model.undoManager().undoNameProperty().get());
        assertFalse(canvas.pendingWire().isVisible());
        robot.interact(model::undo);
        assertEquals(cut, model.document());
    }

    @Test
    void an_invalid_wire_is_refused_while_dragging_with_the_reason_near_the_cursor() {
        robot.interact(() -> model.addLayer("ImageInput", Map.of(), 0, 300));
        Point2D out = sceneOf(canvas.outputPortOf("image_input_1").getX(), canvas.outputPortOf("image_input_1").getY());
        robot.interact(() -> model.execute(model.edits().delete(List.of(), List.of(Edge.of("dropout_1", "dense_2")))));
        NetworkDocument before = Documents.copy(model.document());
        Point2D in = centreOf("dense_2");
        Node port = canvas.nodeView("image_input_1").outPort();
        robot.interact(() -> {
            Event.fireEvent(port, mouse(MouseEvent.MOUSE_PRESSED, out, MouseButton.PRIMARY, false));
            Event.fireEvent(port, mouse(MouseEvent.MOUSE_DRAGGED, in, MouseButton.PRIMARY, false));
        });
        assertTrue(canvas.reason().isVisible());
        assertTrue(canvas.reason().getText().contains("Flatten"), canvas.reason().getText());
        assertTrue(canvas.pendingWire().getStyleClass().contains("refused"));
        robot.interact(() -> Event.fireEvent(port, mouse(MouseEvent.MOUSE_RELEASED, in, MouseButton.PRIMARY, false)));
        assertEquals(before, model.document());
        assertFalse(canvas.reason().isVisible());
        assertTrue(model.messageProperty().get().startsWith("Wire refused: Dense needs a flat"), model.messageProperty().get());
    }

    @Test
    void a_wire_dropped_on_a_merge_layer_goes_to_its_free_port() {
        robot.interact(() -> {
            model.addLayer("Concatenate", Map.of(), 480, 300);
            model.connect(Edge.of("dense_1", "concatenate_1", 0));
        });
        Point2D out = sceneOf(canvas.outputPortOf("dense_2").getX(), canvas.outputPortOf("dense_2").getY());
        gesture(canvas.nodeView("dense_2").outPort(), MouseButton.PRIMARY, false, out, centreOf("concatenate_1"));
        assertTrue(model.document().edges().contains(Edge.of("dense_2", "concatenate_1", 1)));
        assertEquals(3, canvas.inputPortCount("concatenate_1"), "a merge layer always shows one free port");
    }

    // ------------------------------------------------------------------ pan, zoom, drop

    @Test
    void the_wheel_zooms_around_the_cursor() {
        Point2D at = centreOf("dense_2");
        double before = canvas.zoomProperty().get();
        robot.interact(() -> Event.fireEvent(canvas, new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), at.getX(), at.getY(),
                false, false, false, false, false, false, 0, 200, 0, 200, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null)));
        assertTrue(canvas.zoomProperty().get() > before);
        Point2D still = centreOf("dense_2");
        assertEquals(at.getX(), still.getX(), 0.01);
        assertEquals(at.getY(), still.getY(), 0.01);
    }

    @Test
    void middle_drag_and_space_drag_pan_without_touching_the_document() {
        Point2D start = centreOf("dense_1");
        gesture(body("dense_1"), MouseButton.MIDDLE, false, start, start.add(100, 50));
        assertEquals(start.add(100, 50), centreOf("dense_1"));
        robot.interact(() -> Event.fireEvent(canvas, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SPACE, false, false, false, false)));
        Point2D now = centreOf("dense_1");
        gesture(canvas, MouseButton.PRIMARY, false, sceneOf(0, 500), sceneOf(0, 500).add(-30, 10));
        robot.interact(() -> Event.fireEvent(canvas, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.SPACE, false, false, false, false)));
        assertEquals(now.add(-30, 10), centreOf("dense_1"));
        assertEquals(original, model.document());
        assertFalse(model.undoManager().canUndoProperty().get());
    }

    @Test
    void dropping_a_palette_entry_adds_the_layer_where_it_was_dropped() {
        new LayerDrop("Dense", Map.of("units", 32L), "Dense").attachTo(paletteItem);
        Point2D at = sceneOf(600, 400);
        robot.interact(() -> {
            Event.fireEvent(canvas, new MouseDragEvent(MouseDragEvent.MOUSE_DRAG_OVER, at.getX(), at.getY(), at.getX(), at.getY(),
                    MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false, null, paletteItem));
        });
        assertTrue(canvas.ghost().isVisible());
        robot.interact(() -> Event.fireEvent(canvas, new MouseDragEvent(MouseDragEvent.MOUSE_DRAG_RELEASED, at.getX(), at.getY(),
                at.getX(), at.getY(), MouseButton.PRIMARY, 1, false, false, false, false, false, false, false, false, false, null, paletteItem)));
        LayerNode added = model.document().node("dense_3").orElseThrow();
        assertEquals(600 - CanvasGeometry.NODE_WIDTH / 2, added.x(), 1);
        assertEquals(400 - CanvasGeometry.NODE_HEIGHT / 2, added.y(), 1);
        assertEquals(32L, added.params().get("units"));
        assertEquals(Set.of("dense_3"), model.selection().nodes());
        assertFalse(canvas.ghost().isVisible());
    }

    // ------------------------------------------------------------------ what the canvas shows

    @Test
    void layers_show_their_shape_and_parameter_count_and_wires_their_tensor_shape() {
        assertEquals("→ 64", canvas.faceOf("dense_1")[0]);
        assertEquals("1,344 params", canvas.faceOf("dense_1")[1]);
        assertEquals("0 params", canvas.faceOf("dropout_1")[1]);
        assertEquals("2.4 M params", NetworkCanvas.paramsText(2_359_808));
        assertEquals("20", canvas.wireLabel(Edge.of("vector_input_1", "dense_1")));
        robot.interact(() -> model.setParam("dense_1", "units", 128L));
        assertEquals("→ 128", canvas.faceOf("dense_1")[0]);
        assertEquals("128", canvas.wireLabel(Edge.of("dense_1", "dropout_1")));
        assertEquals("8,256 params", canvas.faceOf("dense_2")[1]);
    }

    @Test
    void a_layer_with_a_problem_carries_a_badge_and_an_unknown_shape() {
        robot.interact(() -> model.execute(model.edits().delete(List.of(), List.of(Edge.of("vector_input_1", "dense_1")))));
        assertTrue(canvas.nodeView("dense_1").showsError());
        assertEquals("→ ?", canvas.faceOf("dense_1")[0]);
        assertFalse(canvas.nodeView("dense_2").showsError(), "errors do not cascade");
        assertTrue(canvas.nodeView("vector_input_1").showsWarning(), "an input feeding nothing is a warning");
    }

    @Test
    void far_away_layers_are_not_drawn_and_zoomed_out_text_is_hidden() {
        robot.interact(() -> canvas.camera().set(1, -2000, 0));
        assertEquals(0, canvas.drawnLayers());
        robot.interact(() -> canvas.fitToView());
        assertEquals(6, canvas.drawnLayers());
        robot.interact(() -> canvas.camera().set(0.2, 0, 0));
        assertFalse(canvas.isDetailed());
        robot.interact(() -> canvas.camera().set(1, 0, 0));
        assertTrue(canvas.isDetailed());
    }

    @Test
    void a_network_too_big_to_fit_opens_at_its_start_at_a_readable_zoom() {
        var b = new dev.deepcanvas.runtime.document.DocumentBuilder("long");
        b.add("VectorInput");
        for (int i = 0; i < 199; i++) {
            b.then("Dense");
        }
        robot.interact(() -> model.load(b.build(), null, false));
        assertEquals(NetworkCanvas.READABLE_SCALE, canvas.camera().scale(), 1e-9);
        assertTrue(canvas.isDetailed());
        assertTrue(canvas.nodeView("vector_input_1").isVisible(), "the network's start is on screen");
        assertTrue(canvas.drawnLayers() < 20, "only what is on screen is drawn");
        robot.interact(() -> canvas.fitToView());
        assertEquals(200, canvas.drawnLayers(), "Fit to View shows everything");
        assertFalse(canvas.isDetailed());
    }

    @Test
    void presentation_mode_draws_larger_with_thicker_wires_and_ports() {
        Point2D a = centreOf("dense_1");
        Point2D b = centreOf("dense_2");
        double radius = canvas.nodeView("dense_1").outPort().getRadius();
        robot.interact(() -> canvas.setPresentation(true));
        Point2D a2 = centreOf("dense_1");
        Point2D b2 = centreOf("dense_2");
        assertEquals(1.5 * a.distance(b), a2.distance(b2), 0.01);
        assertTrue(canvas.nodeView("dense_1").outPort().getRadius() > radius);
        assertNotEquals(a, a2);
    }
}
