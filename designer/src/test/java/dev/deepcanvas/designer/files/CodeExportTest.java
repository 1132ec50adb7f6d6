package dev.deepcanvas.designer.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.background.Background;
import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.designer.testing.TestServices;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.export.Framework;
import dev.deepcanvas.runtime.export.PyTorchExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Export as PyTorch code: what it writes, what it says, and what it will not overwrite unasked. */
class CodeExportTest {

    @TempDir
    Path dir;
    private final DesignerModel model = DesignerModel.standard();
    private final TestServices.ScriptedFiles dialogs = new TestServices.ScriptedFiles();
    private final FileControllerTest.ScriptedPrompts prompts = new FileControllerTest.ScriptedPrompts();
    private final CodeExport export = new CodeExport(model, dialogs, prompts, Background.sameThread());

    private Path iris() throws Exception {
        Path project = dir.resolve("iris/iris.deepcanvas");
        Files.createDirectories(project.getParent().resolve("data"));
        Files.copy(Path.of("../samples/iris/iris.deepcanvas"), project);
        Files.copy(Path.of("../samples/iris/data/iris.csv"), project.getParent().resolve("data/iris.csv"));
        return project;
    }

    @Test
    void the_open_project_is_written_with_its_data_loading_and_the_status_bar_says_where() throws Exception {
        Path project = iris();
        model.load(new DocumentFiles().load(project), project, false);
        Path out = dir.resolve("exported");
        Files.createDirectories(out);
        dialogs.answers.add(out);
        export.export(Framework.PYTORCH);
        assertEquals(List.of(), prompts.errors);
        String code = Files.readString(out.resolve(PyTorchExporter.FILE));
        assertTrue(code.contains("class IrisSpeciesMlp(nn.Module):") && code.contains("def load_splits():"), code);
        assertTrue(Files.isRegularFile(out.resolve(PyTorchExporter.SPLIT_FILE)));
        assertEquals("Exported as PyTorch: " + out.resolve(PyTorchExporter.FILE) + " (403 trainable parameters).", model.messageProperty().get());
    }

    @Test
    void an_existing_file_is_replaced_only_when_the_user_says_so() throws Exception {
        Path project = iris();
        model.load(new DocumentFiles().load(project), project, false);
        Path out = Files.createDirectories(dir.resolve("exported"));
        Files.writeString(out.resolve(PyTorchExporter.FILE), "mine");
        prompts.replace = false;
        dialogs.answers.add(out);
        export.export(Framework.PYTORCH);
        assertEquals("mine", Files.readString(out.resolve(PyTorchExporter.FILE)));
        assertEquals(List.of("Replace model.py?"), prompts.asked);
        prompts.replace = true;
        dialogs.answers.add(out);
        export.export(Framework.PYTORCH);
        assertTrue(Files.readString(out.resolve(PyTorchExporter.FILE)).startsWith("\"\"\"Iris species (MLP)"));
    }

    @Test
    void a_network_pytorch_cannot_express_or_one_with_errors_is_refused_in_plain_words() throws Exception {
        var b = new DocumentBuilder("relu lstm");
        b.add("SequenceInput", "features", 3, "timeSteps", 5);
        b.then("LSTM", "units", 4, "activation", "relu");
        b.then("LastTimeStep");
        b.then("Output", "units", 2);
        model.load(b.build(), null, true);
        Path out = Files.createDirectories(dir.resolve("exported"));
        dialogs.answers.add(out);
        export.export(Framework.PYTORCH);
        assertEquals(List.of("Cannot export to PyTorch: Layer 'lstm_1' (LSTM) uses activation 'relu'; PyTorch's nn.LSTM has tanh only."
                + " Set the activation to tanh to export it."), prompts.errors);
        assertFalse(Files.exists(out.resolve(PyTorchExporter.FILE)));

        prompts.errors.clear();
        var broken = new DocumentBuilder("unwired");
        broken.add("VectorInput", "features", 4);
        broken.add("Output", "units", 2);
        model.load(broken.build(), null, true);
        export.export(Framework.PYTORCH);
        assertEquals(List.of("Cannot export to PyTorch: The network has errors; the Problems panel lists them with fixes."), prompts.errors);
    }
}
