package dev.deepcanvas.designer.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.DesignerWindow;
import dev.deepcanvas.designer.canvas.CanvasGeometry;
import dev.deepcanvas.designer.canvas.NetworkCanvas;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.designer.testing.TestServices;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Whole user journeys in the real window, driven by TestFX's robot (mouse and keyboard) under
 * headless Monocle: building the course example from the palette, a refused wire, undo and redo of
 * a whole build, save and reopen, the inspector's refusal, and the problems panel.
 */
@ExtendWith(ApplicationExtension.class)
class DesignerFlowsTest {

    @TempDir
    Path home;
    private final TestServices.ScriptedFiles files = new TestServices.ScriptedFiles();
    private DesignerWindow window;
    private FxRobot robot;

    @Start
    void start(Stage stage) {
        window = new DesignerWindow(stage, TestServices.create(home, files));
        window.show();
    }

    // ------------------------------------------------------------------ helpers

    private NetworkCanvas canvas() {
        return window.canvas();
    }

    private NetworkDocument doc() {
        return window.model().document();
    }

    private void shortcut(KeyCode key) {
        robot.push(KeyCode.CONTROL, key);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Filters the palette as a user would, by typing into its search field. */
    private Node paletteEntry(String search, String title) {
        robot.clickOn("#palette-search");
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(search);
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".palette-title").match(LabeledMatchers.hasText(title)).query();
    }

    private void dragToCanvas(String search, String title, double worldX, double worldY) {
        Node entry = paletteEntry(search, title);
        Point2D target = canvas().localToScreen(canvas().sceneToLocal(canvas().worldToScene(
                worldX + CanvasGeometry.NODE_WIDTH / 2, worldY + CanvasGeometry.NODE_HEIGHT / 2)));
        robot.drag(entry, MouseButton.PRIMARY).moveTo(target).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void doubleClickEntry(String search, String title) {
        robot.doubleClickOn(paletteEntry(search, title));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void wire(String from, String to) {
        robot.moveTo(canvas().screenOutputPortOf(from)).press(MouseButton.PRIMARY)
                .moveTo(canvas().screenInputPortOf(to, 0)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void buildTheCourseExampleByDoubleClicks() {
        doubleClickEntry("feature", "Input: feature vector");
        doubleClickEntry("dense", "Dense");
        doubleClickEntry("dropout", "Dropout");
        doubleClickEntry("dense", "Dense");
        doubleClickEntry("dropout", "Dropout");
        doubleClickEntry("output", "Output: classes (softmax)");
    }

    // ------------------------------------------------------------------ (a) build by dragging

    @Test
    void building_the_course_example_by_dragging_and_wiring_gives_6154_parameters(FxRobot robot) throws Exception {
        this.robot = robot;
        robot.clickOn(canvas());
        shortcut(KeyCode.N);
        assertTrue(doc().nodes().isEmpty());

        dragToCanvas("feature", "Input: feature vector", 20, 20);
        dragToCanvas("dense", "Dense", 260, 20);
        dragToCanvas("dropout", "Dropout", 500, 20);
        dragToCanvas("dense", "Dense", 20, 240);
        dragToCanvas("dropout", "Dropout", 260, 240);
        dragToCanvas("output", "Output: classes (softmax)", 500, 240);
        assertEquals(List.of("vector_input_1", "dense_1", "dropout_1", "dense_2", "dropout_2", "output_1"),
                doc().nodes().stream().map(n -> n.id()).toList());
        assertTrue(window.statusBar().validityText().contains("error"), "unwired layers are errors");

        wire("vector_input_1", "dense_1");
        wire("dense_1", "dropout_1");
        wire("dropout_1", "dense_2");
        wire("dense_2", "dropout_2");
        wire("dropout_2", "output_1");

        assertEquals(5, doc().edges().size());
        assertEquals("Total parameters: 6,154", window.statusBar().parametersText());
        // then the time per epoch once the machine is calibrated (TrainingFlowsTest checks that part)
        assertTrue(window.statusBar().costText().startsWith("12.4 kFLOPs per example · 168 KB to train at batch 32"),
                "the course example's cost, as the summary counts it: " + window.statusBar().costText());
        assertEquals("Valid network", window.statusBar().validityText());
        assertEquals("1,344 params", canvas().faceOf("dense_1")[1]);
        assertEquals("64", canvas().wireLabel(Edge.of("dense_1", "dropout_1")));

        robot.clickOn("Summary");
        String summary = robot.lookup("#summary-text").queryTextInputControl().getText();
        assertTrue(summary.contains("Total params: 6,154"), summary);
        assertTrue(summary.contains("dense_2         Dense        64              4,160  dropout_1"), summary);
        robot.clickOn("#summary-copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertEquals(summary, copied);
    }

    // ------------------------------------------------------------------ (b) refused wire

    @Test
    void an_invalid_wire_is_refused_while_dragging_and_says_why(FxRobot robot) {
        this.robot = robot;
        robot.clickOn(canvas());
        shortcut(KeyCode.N);
        doubleClickEntry("image", "Input: image");
        doubleClickEntry("dense", "Dense");
        assertTrue(doc().edges().isEmpty(), "Dense after an image is added unwired");

        robot.moveTo(canvas().screenOutputPortOf("image_input_1")).press(MouseButton.PRIMARY)
                .moveTo(canvas().screenInputPortOf("dense_1", 0));
        Label reason = robot.lookup(".wire-reason").queryAs(Label.class);
        assertTrue(reason.isVisible());
        assertTrue(reason.getText().startsWith("Dense needs a flat vector, but gets an image 28×28×1."), reason.getText());
        assertTrue(reason.getText().contains("Insert Flatten"), reason.getText());
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(doc().edges().isEmpty());
        assertFalse(reason.isVisible());
        String status = robot.lookup("#status-message").queryLabeled().getText();
        assertTrue(status.startsWith("Wire refused: Dense needs a flat vector"), status);
    }

    // ------------------------------------------------------------------ (c) undo and redo everything

    @Test
    void a_whole_build_undoes_to_empty_and_redoes_to_the_same_network(FxRobot robot) {
        this.robot = robot;
        robot.clickOn(canvas());
        shortcut(KeyCode.N);
        buildTheCourseExampleByDoubleClicks();
        assertEquals("Total parameters: 6,154", window.statusBar().parametersText());
        NetworkDocument built = Documents.copy(doc());

        robot.clickOn("#menu-edit");
        assertTrue(robot.lookup("Undo Add Output 10").tryQuery().isPresent(), "the Edit menu names the step");
        robot.push(KeyCode.ESCAPE);
        robot.clickOn(canvas());
        int steps = window.model().undoManager().undoDepth();
        assertEquals(6, steps);
        for (int i = 0; i < steps; i++) {
            shortcut(KeyCode.Z);
        }
        assertTrue(doc().nodes().isEmpty());
        assertTrue(doc().edges().isEmpty());
        assertEquals("Total parameters: 0", window.statusBar().parametersText());
        for (int i = 0; i < steps; i++) {
            shortcut(KeyCode.Y);
        }
        assertEquals(built, doc());
        assertEquals("Total parameters: 6,154", window.statusBar().parametersText());
    }

    // ------------------------------------------------------------------ (d) save and reopen

    @Test
    void save_and_reopen_gives_an_identical_document(FxRobot robot) throws Exception {
        this.robot = robot;
        robot.clickOn(canvas());
        NetworkDocument shown = Documents.copy(doc());
        Path file = home.resolve("course.deepcanvas");
        files.answers.add(file);
        shortcut(KeyCode.S);
        assertEquals("course.deepcanvas — DeepCanvas", window.stage().getTitle());
        byte[] saved = Files.readAllBytes(file);
        robot.clickOn("#menu-file").clickOn("Open Recent");
        assertTrue(robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("course.deepcanvas")).tryQuery().isPresent(), "the saved file is a recent file");
        robot.push(KeyCode.ESCAPE).push(KeyCode.ESCAPE);
        robot.clickOn(canvas());

        robot.clickOn(canvas().screenCentreOf("dense_1"));
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("course.deepcanvas* — DeepCanvas", window.stage().getTitle());

        files.answers.add(file);
        shortcut(KeyCode.O);
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown, doc());
        assertEquals("course.deepcanvas — DeepCanvas", window.stage().getTitle());
        new DocumentFiles().save(doc(), file);
        assertArrayEquals(saved, Files.readAllBytes(file), "saving the reopened network writes the same bytes");
    }

    // ------------------------------------------------------------------ inspector and problems

    @Test
    void the_inspector_refuses_an_out_of_range_value_with_the_reason_and_records_a_good_one(FxRobot robot) {
        this.robot = robot;
        robot.clickOn(canvas().screenCentreOf("dense_1"));
        assertEquals(Set.of("dense_1"), window.model().selection().nodes());
        robot.doubleClickOn("#param-units");
        robot.push(KeyCode.CONTROL, KeyCode.A).write("0").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("units must be between 1 and 1,000,000, not 0", window.inspector().refusalText());
        assertEquals("64", robot.lookup("#param-units").queryTextInputControl().getText(), "the field shows the kept value");
        assertFalse(window.model().isDirty());

        robot.push(KeyCode.CONTROL, KeyCode.A).write("128").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.inspector().refusalText());
        assertEquals(128L, doc().node("dense_1").orElseThrow().params().get("units"));
        assertEquals("→ 128", canvas().faceOf("dense_1")[0]);
        robot.clickOn("#tool-undo");
        assertEquals(64L, doc().node("dense_1").orElseThrow().params().get("units"));
        assertEquals("64", robot.lookup("#param-units").queryTextInputControl().getText(), "the inspector follows undo");
    }

    @Test
    void a_layer_frozen_in_the_inspector_shows_a_lock_and_counts_as_non_trainable_and_undo_thaws_it(FxRobot robot) {
        this.robot = robot;
        robot.clickOn(canvas().screenCentreOf("dense_1"));
        robot.clickOn("#inspector-frozen");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc().node("dense_1").orElseThrow().frozen());
        assertEquals("1,344 params · frozen", canvas().faceOf("dense_1")[1]);
        assertEquals(6_154 - 1_344, window.model().analysis().trainableParameters());
        assertTrue(window.summary().text().contains("Trainable params: 4,810\nNon-trainable params: 1,344\n"), window.summary().text());
        assertEquals("Freeze dense_1", window.model().undoManager().undoNameProperty().get());
        robot.clickOn("#tool-undo");
        assertFalse(doc().node("dense_1").orElseThrow().frozen());
        assertEquals("1,344 params", canvas().faceOf("dense_1")[1]);
        assertFalse(robot.lookup("#inspector-frozen").queryAs(CheckBox.class).isSelected(), "the box follows undo");
    }

    @Test
    void clicking_a_problem_selects_and_centres_its_layer(FxRobot robot) {
        this.robot = robot;
        robot.interact(() -> {
            window.model().execute(window.model().edits().delete(List.of(), List.of(Edge.of("dropout_2", "output_1"))));
            window.canvas().fitToView();
        });
        ListView<?> problems = robot.lookup("#problems-list").queryListView();
        assertFalse(problems.getItems().isEmpty());
        robot.clickOn(robot.lookup(".problem-message").match(LabeledMatchers.hasText("output_1: Output has no input.")).queryLabeled());
        assertEquals(Set.of("output_1"), window.model().selection().nodes());
        Point2D centre = canvas().localToScreen(canvas().getWidth() / 2, canvas().getHeight() / 2);
        assertTrue(canvas().screenCentreOf("output_1").distance(centre) < 2, "the layer is centred");
    }

    // ------------------------------------------------------------------ keyboard editing and closing

    @Test
    void copy_paste_duplicate_and_delete_from_the_keyboard_are_single_steps(FxRobot robot) {
        this.robot = robot;
        robot.clickOn(canvas().screenCentreOf("dense_1"));
        shortcut(KeyCode.C);
        shortcut(KeyCode.V);
        assertTrue(doc().node("dense_3").isPresent());
        assertEquals(Set.of("dense_3"), window.model().selection().nodes());
        shortcut(KeyCode.D);
        assertTrue(doc().node("dense_4").isPresent());
        robot.push(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc().node("dense_4").isEmpty());
        assertEquals("Undo Delete Dense 64", window.action("undo").textProperty().get());
        shortcut(KeyCode.A);
        assertEquals(doc().nodes().size(), window.model().selection().nodes().size());
        for (int i = 0; i < 3; i++) {
            shortcut(KeyCode.Z);
        }
        assertEquals(6, doc().nodes().size());
        assertFalse(window.model().isDirty());
    }

    @Test
    void closing_with_unsaved_changes_asks_first_and_cancel_keeps_the_window(FxRobot robot) {
        this.robot = robot;
        robot.interact(() -> window.model().setParam("dense_1", "units", 32L));
        javafx.application.Platform.runLater(() -> window.stage().fireEvent(
                new javafx.stage.WindowEvent(window.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Save changes to \"Keras example MLP\"?").tryQuery().isPresent());
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.stage().isShowing());
        assertEquals(32L, doc().node("dense_1").orElseThrow().params().get("units"));
    }
}
