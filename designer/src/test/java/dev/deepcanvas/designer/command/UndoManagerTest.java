package dev.deepcanvas.designer.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class UndoManagerTest {

    private final NetworkDocument doc = new NetworkDocument("test");
    private final UndoManager undo = new UndoManager(doc);

    private static AddNode add(String id) {
        return new AddNode(LayerNode.of(id, "Dense"), "Add " + id);
    }

    @Test
    void undo_reverts_and_redo_reapplies_each_step() {
        undo.execute(add("a"));
        undo.execute(add("b"));
        undo.undo();
        assertEquals(List.of("a"), doc.nodes().stream().map(LayerNode::id).toList());
        undo.undo();
        assertTrue(doc.nodes().isEmpty());
        undo.redo();
        undo.redo();
        assertEquals(List.of("a", "b"), doc.nodes().stream().map(LayerNode::id).toList());
        assertFalse(undo.canRedoProperty().get());
    }

    @Test
    void a_new_edit_after_undo_drops_what_could_be_redone() {
        undo.execute(add("a"));
        undo.undo();
        undo.execute(add("b"));
        assertFalse(undo.canRedoProperty().get());
        assertEquals(1, undo.undoDepth());
    }

    @Test
    void the_menu_names_the_step_that_undo_and_redo_would_take() {
        undo.execute(add("a"));
        undo.execute(add("b"));
        assertEquals("Add b", undo.undoNameProperty().get());
        undo.undo();
        assertEquals("Add a", undo.undoNameProperty().get());
        assertEquals("Add b", undo.redoNameProperty().get());
    }

    @Test
    void the_dirty_flag_follows_the_saved_point_on_the_stack() {
        assertFalse(undo.isDirty());
        undo.execute(add("a"));
        assertTrue(undo.isDirty());
        undo.markSaved();
        assertFalse(undo.isDirty());
        undo.undo();
        assertTrue(undo.isDirty(), "undoing past the save makes it unsaved");
        undo.redo();
        assertFalse(undo.isDirty(), "redoing back to the save makes it clean again");
    }

    @Test
    void a_saved_point_lost_by_branching_stays_dirty_until_the_next_save() {
        undo.execute(add("a"));
        undo.execute(add("b"));
        undo.markSaved();
        undo.undo();
        undo.execute(add("c"));
        undo.undo();
        undo.execute(add("b"));
        assertTrue(undo.isDirty(), "same content by another path is not the saved file's history");
        undo.markSaved();
        assertFalse(undo.isDirty());
    }

    @Test
    void a_recovered_document_is_unsaved_with_an_empty_history() {
        undo.markNeverSaved();
        assertTrue(undo.isDirty());
        assertFalse(undo.canUndoProperty().get());
    }

    @Test
    void a_command_may_not_push_another_command() {
        Command nesting = new Command() {
            @Override
            public String description() {
                return "nesting";
            }

            @Override
            public void execute(NetworkDocument d) {
                undo.execute(add("inner"));
            }

            @Override
            public void undo(NetworkDocument d) {}
        };
        assertThrows(IllegalStateException.class, () -> undo.execute(nesting));
        assertTrue(doc.nodes().isEmpty());
        assertFalse(undo.canUndoProperty().get());
    }

    @Test
    void a_batch_that_fails_half_way_leaves_the_document_as_it_was() {
        NetworkDocument before = copyOf(doc);
        Batch broken = new Batch("broken", List.of(add("a"), new Connect(Edge.of("a", "b")), new RemoveNode("missing")));
        assertThrows(IllegalArgumentException.class, () -> undo.execute(broken));
        assertEquals(before, doc);
        assertFalse(undo.canUndoProperty().get());
    }

    @Test
    void disconnect_and_its_undo_keep_the_order_of_wires() {
        NetworkDocument built = new DocumentBuilder("x").build();
        var b = new DocumentBuilder("mlp");
        b.add("VectorInput");
        b.then("Dense");
        b.then("Dense");
        b.then("Output");
        NetworkDocument d = b.build();
        UndoManager u = new UndoManager(d);
        NetworkDocument before = copyOf(d);
        u.execute(new Disconnect(d.edges().get(1)));
        u.undo();
        assertEquals(before, d);
        assertTrue(built.nodes().isEmpty());
    }

    private static NetworkDocument copyOf(NetworkDocument d) {
        return dev.deepcanvas.designer.model.Documents.copy(d);
    }
}
