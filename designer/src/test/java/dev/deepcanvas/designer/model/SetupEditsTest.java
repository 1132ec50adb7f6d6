package dev.deepcanvas.designer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.TrainingSetup;
import org.junit.jupiter.api.Test;

class SetupEditsTest {

    private final DesignerModel model = DesignerModel.standard();

    @Test
    void binding_data_is_one_named_undo_step_that_marks_the_document_unsaved() {
        assertTrue(model.document().data().isEmpty());
        model.execute(model.edits().data(DataBinding.csv("data/moons.csv"), "Bind moons.csv"));
        assertEquals("data/moons.csv", model.document().data().orElseThrow().path());
        assertEquals("Bind moons.csv", model.undoManager().undoNameProperty().get());
        assertTrue(model.isDirty());
        model.undo();
        assertTrue(model.document().data().isEmpty());
        assertFalse(model.isDirty());
    }

    @Test
    void changing_a_training_setting_keeps_the_data_and_undoes_exactly() {
        model.execute(model.edits().data(DataBinding.csv("a.csv").withSplit(0.6, 0.2, 0.2), "Bind a.csv"));
        TrainingSetup before = model.document().training();
        model.execute(model.edits().training(before.toBuilder().epochs(7).build(), "epochs 7"));
        assertEquals(7, model.document().training().epochs());
        assertEquals(0.6, model.document().data().orElseThrow().trainFraction());
        assertEquals("Set epochs 7", model.undoManager().undoNameProperty().get());
        model.undo();
        assertEquals(before, model.document().training());
    }
}
