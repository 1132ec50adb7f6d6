package dev.deepcanvas.designer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The editor's behaviour without a window: every edit is one named, undoable step. */
class DesignerModelTest {

    private final DesignerModel model = DesignerModel.standard();
    private NetworkDocument mlp;

    @BeforeEach
    void openTheCourseExample() throws Exception {
        mlp = Templates.standard().load("keras-mlp");
        model.load(mlp, null, false);
    }

    private NetworkDocument doc() {
        return model.document();
    }

    @Test
    void the_course_example_has_6154_parameters() {
        assertEquals(6154, model.analysis().totalParameters());
        assertTrue(model.analysis().isValid());
    }

    @Test
    void deleting_a_layer_removes_its_wires_in_one_step_named_after_it() {
        model.selection().selectOnly("dense_2");
        model.deleteSelection();
        assertTrue(doc().node("dense_2").isEmpty());
        assertTrue(doc().edgesTouching("dense_2").isEmpty());
        assertEquals(3, doc().edges().size());
        assertEquals("Delete Dense 64", model.undoManager().undoNameProperty().get());
        model.undo();
        assertEquals(mlp, doc(), "undo restores layers and wires in their old order");
    }

    @Test
    void deleting_several_layers_and_a_wire_is_one_step() {
        model.selection().selectOnly(List.of("dropout_1", "dropout_2"));
        model.selection().edges().add(doc().edges().get(0));
        model.deleteSelection();
        assertEquals(4, doc().nodes().size());
        assertEquals("Delete 2 layers and 1 wire", model.undoManager().undoNameProperty().get());
        model.undo();
        assertEquals(mlp, doc());
    }

    @Test
    void a_move_is_one_step_and_a_move_to_the_same_place_is_none() {
        model.move(Map.of("dense_1", new double[] {240, 0}));
        assertFalse(model.undoManager().canUndoProperty().get());
        model.move(Map.of("dense_1", new double[] {300.4, 50}, "dense_2", new double[] {700, 80}));
        assertEquals(300, doc().node("dense_1").orElseThrow().x());
        assertEquals(1, model.undoManager().undoDepth());
        assertEquals("Move 2 layers", model.undoManager().undoNameProperty().get());
    }

    @Test
    void a_value_out_of_range_is_refused_with_the_reason_and_nothing_changes() {
        Optional<String> problem = model.setParam("dense_1", "units", 0L);
        assertTrue(problem.orElseThrow().contains("units must be between 1 and 1,000,000"), problem.get());
        assertFalse(model.undoManager().canUndoProperty().get());
        assertEquals(problem.get(), model.messageProperty().get());
    }

    @Test
    void a_parameter_change_is_an_undoable_step_that_updates_shapes_and_counts() {
        assertTrue(model.setParam("dense_1", "units", 128L).isEmpty());
        assertEquals("Set dense_1 units to 128", model.undoManager().undoNameProperty().get());
        assertEquals("128", model.analysis().shapeOf("dense_1").orElseThrow().display());
        // 20·128+128 + 128·64+64 + 64·10+10 (the Dense that follows now sees 128 inputs)
        assertEquals(2_688 + 8_256 + 650, model.analysis().totalParameters());
        model.undo();
        assertEquals(6154, model.analysis().totalParameters());
        assertTrue(model.setParam("dense_1", "units", 64L).isEmpty());
        assertFalse(model.undoManager().canUndoProperty().get(), "setting the value it has is no step");
    }

    @Test
    void copy_and_paste_give_fresh_ids_and_keep_the_wires_between_the_copies() {
        model.selection().selectOnly(List.of("dense_1", "dropout_1"));
        assertTrue(model.copySelection());
        model.paste();
        assertEquals(8, doc().nodes().size());
        assertTrue(doc().edges().contains(Edge.of("dense_3", "dropout_3")));
        assertEquals(List.of("dense_3", "dropout_3"), List.copyOf(model.selection().nodes()));
        assertEquals(280, doc().node("dense_3").orElseThrow().x());
        assertEquals("Paste 2 layers", model.undoManager().undoNameProperty().get());
        model.paste();
        assertEquals(320, doc().node("dense_4").orElseThrow().x(), "each paste lands further along");
    }

    @Test
    void duplicate_is_one_step_named_after_the_layer() {
        model.selection().selectOnly("output_1");
        model.duplicateSelection();
        assertEquals("Duplicate Output 10", model.undoManager().undoNameProperty().get());
        assertTrue(doc().node("output_2").isPresent());
    }

    @Test
    void appending_after_the_selected_layer_wires_it_in() {
        model.load(new NetworkDocument("Untitled"), null, false);
        LayerNode in = model.append("VectorInput", Map.of());
        LayerNode dense = model.append("Dense", Map.of());
        assertEquals(List.of(Edge.of(in.id(), dense.id())), doc().edges());
        assertEquals(in.x() + DesignerModel.APPEND_STEP, dense.x());
        assertEquals("Add Dense 64", model.undoManager().undoNameProperty().get());
        model.undo();
        assertEquals(1, doc().nodes().size());
        assertTrue(doc().edges().isEmpty(), "the layer and its wire are one step");
    }

    @Test
    void appending_where_the_wire_would_be_wrong_adds_the_layer_unwired_and_says_why() {
        model.load(new NetworkDocument("Untitled"), null, false);
        model.append("ImageInput", Map.of());
        model.append("Dense", Map.of());
        assertTrue(doc().edges().isEmpty());
        assertTrue(model.messageProperty().get().contains("Flatten"), model.messageProperty().get());
    }

    @Test
    void a_refused_wire_changes_nothing_and_says_why() {
        var verdict = model.connect(Edge.of("output_1", "dense_1"));
        assertFalse(verdict.allowed());
        assertEquals(mlp, doc());
        assertTrue(model.messageProperty().get().startsWith("Wire refused: "));
    }

    @Test
    void the_title_names_the_file_and_marks_unsaved_changes() {
        assertEquals("Keras example MLP — DeepCanvas", model.titleProperty().get());
        model.setParam("dense_1", "units", 32L);
        assertEquals("Keras example MLP* — DeepCanvas", model.titleProperty().get());
        model.saved(Path.of("/tmp/mlp.deepcanvas"));
        assertEquals("mlp.deepcanvas — DeepCanvas", model.titleProperty().get());
        model.undo();
        assertEquals("mlp.deepcanvas* — DeepCanvas", model.titleProperty().get());
    }

    @Test
    void opening_a_document_forgets_the_history_and_the_selection() {
        model.selection().selectOnly("dense_1");
        model.setParam("dense_1", "units", 32L);
        model.load(new NetworkDocument("Other"), null, false);
        assertFalse(model.undoManager().canUndoProperty().get());
        assertFalse(model.isDirty());
        assertTrue(model.selection().isEmpty());
    }

    @Test
    void undoing_a_paste_forgets_the_selection_of_the_removed_copies() {
        model.selection().selectOnly("dense_1");
        model.copySelection();
        model.paste();
        model.undo();
        assertTrue(model.selection().nodes().isEmpty());
    }

    @Test
    void a_one_click_fix_sets_the_suggested_parameters_as_one_step() {
        var d = dev.deepcanvas.runtime.shape.Diagnostic.error("output_1", "3 classes in the data.", "Set units to 3.")
                .withFix(Map.of("units", 3L));
        model.applyFix(d);
        assertEquals(3L, doc().node("output_1").orElseThrow().params().get("units"));
        assertEquals("Fix output_1", model.undoManager().undoNameProperty().get());
    }
}
