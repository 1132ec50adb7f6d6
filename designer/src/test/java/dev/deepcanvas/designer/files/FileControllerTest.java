package dev.deepcanvas.designer.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.model.Documents;
import dev.deepcanvas.designer.testing.TestServices;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileControllerTest {

    /** Answers questions from a script and records what was said. */
    static final class ScriptedPrompts implements Prompts {
        final Deque<SaveChoice> saveAnswers = new ArrayDeque<>();
        final List<String> asked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        boolean recover = true;

        @Override
        public SaveChoice askSave(String documentName, String beforeWhat) {
            asked.add(documentName);
            return saveAnswers.isEmpty() ? SaveChoice.CANCEL : saveAnswers.poll();
        }

        @Override
        public void error(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean askRecover(String description) {
            asked.add(description);
            return recover;
        }

        boolean replace = true;

        @Override
        public boolean confirm(String question, String detail) {
            asked.add(question);
            return replace;
        }
    }

    @TempDir
    Path dir;
    private final DesignerModel model = DesignerModel.standard();
    private final TestServices.ScriptedFiles dialogs = new TestServices.ScriptedFiles();
    private final ScriptedPrompts prompts = new ScriptedPrompts();
    private FileController files;
    private RecoveryStore recovery;

    @BeforeEach
    void setUp() {
        recovery = new RecoveryStore(dir.resolve("home"));
        files = new FileController(model, new Settings(dir.resolve("home")), dialogs, prompts, Templates.standard(), recovery);
        assertTrue(files.loadTemplate("keras-mlp"));
    }

    @Test
    void the_first_save_refers_to_data_chosen_before_it_relative_to_the_project() throws Exception {
        Path csv = dir.resolve("data/iris.csv");
        model.execute(model.edits().data(dev.deepcanvas.runtime.document.DataBinding.csv(csv.toAbsolutePath().toString()), "Bind"));
        dialogs.answers.add(dir.resolve("mlp.deepcanvas"));
        assertTrue(files.save());
        assertEquals("data/iris.csv", model.document().data().orElseThrow().path());
        assertTrue(Files.readString(dir.resolve("mlp.deepcanvas")).contains("\"data/iris.csv\""));
    }

    @Test
    void save_as_then_open_gives_an_identical_document() throws Exception {
        NetworkDocument before = Documents.copy(model.document());
        Path file = dir.resolve("mlp.deepcanvas");
        dialogs.answers.add(file);
        assertTrue(files.save(), "an untitled document asks where to save");
        assertEquals(file, model.file());
        assertFalse(model.isDirty());
        model.load(new NetworkDocument("other"), null, false);
        dialogs.answers.add(file);
        files.open();
        assertEquals(before, model.document());
        assertEquals(List.of(file), files.settings().recentFiles());
    }

    @Test
    void the_unsaved_changes_question_can_cancel_save_or_discard() {
        model.setParam("dense_1", "units", 32L);
        prompts.saveAnswers.add(Prompts.SaveChoice.CANCEL);
        files.newDocument();
        assertEquals(6, model.document().nodes().size(), "cancel keeps the work");
        prompts.saveAnswers.add(Prompts.SaveChoice.DISCARD);
        files.newDocument();
        assertTrue(model.document().nodes().isEmpty());
        assertEquals(2, prompts.asked.size());
    }

    @Test
    void answering_save_saves_before_going_on() throws Exception {
        model.setParam("dense_1", "units", 32L);
        Path file = dir.resolve("kept.deepcanvas");
        prompts.saveAnswers.add(Prompts.SaveChoice.SAVE);
        dialogs.answers.add(file);
        files.newDocument();
        assertTrue(model.document().nodes().isEmpty());
        assertEquals(32L, new DocumentFiles().load(file).node("dense_1").orElseThrow().params().get("units"));
    }

    @Test
    void no_question_when_nothing_is_unsaved() {
        files.newDocument();
        assertTrue(prompts.asked.isEmpty());
    }

    @Test
    void a_failed_save_reports_in_plain_words_and_leaves_the_old_file_alone() throws Exception {
        Path file = dir.resolve("keep.deepcanvas");
        dialogs.answers.add(file);
        files.saveAs();
        byte[] old = Files.readAllBytes(file);
        model.setParam("dense_1", "units", 32L);
        // A position no file can hold makes writing fail half-way through the save.
        var dense = model.document().node("dense_2").orElseThrow();
        model.document().replace(dense.at(Double.NaN, 0));
        assertFalse(files.save());
        assertEquals(1, prompts.errors.size());
        assertEquals("Could not save keep.deepcanvas: It could not be written: dense_2 position is NaN, which a project "
                + "file cannot store. The file on disk was not changed.", prompts.errors.get(0));
        assertArrayEquals(old, Files.readAllBytes(file));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("home", "keep.deepcanvas"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary file is left behind");
        }
        assertTrue(model.isDirty());
    }

    @Test
    void opening_a_broken_file_explains_the_problem() throws Exception {
        Path broken = dir.resolve("broken.deepcanvas");
        Files.writeString(broken, "{ \"formatVersion\" : 1, ");
        dialogs.answers.add(broken);
        files.open();
        assertEquals(1, prompts.errors.size());
        assertTrue(prompts.errors.get(0).startsWith("Could not open broken.deepcanvas: broken.deepcanvas"), prompts.errors.get(0));
        assertEquals(6, model.document().nodes().size(), "the open network stays");
        assertNull(model.file());
    }

    @Test
    void opening_a_missing_file_says_so() {
        assertFalse(files.load(dir.resolve("gone.deepcanvas")));
        assertEquals("Could not open gone.deepcanvas: The file or its folder does not exist.", prompts.errors.get(0));
    }

    @Test
    void work_left_by_a_crash_is_offered_and_restored_as_unsaved() throws Exception {
        Path file = dir.resolve("mine.deepcanvas");
        dialogs.answers.add(file);
        files.saveAs();
        model.setParam("dense_1", "units", 99L);
        RecoveryStoreTest.writeAsDeadProcess(dir.resolve("home"), model.document(), file);
        model.load(new NetworkDocument("fresh"), null, false);

        assertTrue(files.offerRecovery());
        assertEquals(99L, model.document().node("dense_1").orElseThrow().params().get("units"));
        assertEquals(file, model.file(), "Save goes back to the original file");
        assertTrue(model.isDirty());
        assertTrue(recovery.leftovers().isEmpty(), "the old copy is gone once recovered");
        assertTrue(recovery.hasCopy(), "and this window keeps its own copy at once");
    }

    @Test
    void declined_recovery_discards_the_copy() throws Exception {
        RecoveryStoreTest.writeAsDeadProcess(dir.resolve("home"), model.document(), null);
        prompts.recover = false;
        assertFalse(files.offerRecovery());
        assertTrue(recovery.leftovers().isEmpty());
    }

    @Test
    void file_names_are_suggested_from_the_network_name() {
        assertEquals("keras-example-mlp.deepcanvas", FileController.fileNameFor("Keras example MLP"));
        assertEquals("network.deepcanvas", FileController.fileNameFor("***"));
    }
}
