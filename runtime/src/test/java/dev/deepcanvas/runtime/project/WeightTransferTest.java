package dev.deepcanvas.runtime.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Fine-tuning from a trained model: matching layers start from its weights, the rest fresh. */
class WeightTransferTest {

    static final Path IRIS = Path.of("../samples/iris/iris.deepcanvas").toAbsolutePath();

    @TempDir
    static Path dir;
    static Path model;

    /** The iris sample trained for 5 epochs and saved as a model bundle. */
    @BeforeAll
    static void trainIris() throws Exception {
        NetworkDocument doc = new DocumentFiles().load(IRIS);
        doc.setTraining(doc.training().toBuilder().epochs(5).build());
        TrainingRun run = TrainingRun.prepare(doc, IRIS);
        run.trainer().run();
        model = dir.resolve("iris.dcmodel");
        run.bundle(run.evaluate()).save(model);
    }

    /** The first training examples of a run, as one batch. */
    private static DataSet batch(TrainingRun run, int n) {
        var train = run.data().train();
        float[] x = Arrays.copyOf(train.features(), n * train.featureWidth());
        float[] y = Arrays.copyOf(train.labels(), n * train.labelWidth());
        return new DataSet(Nd4j.create(x, new long[] {n, train.featureWidth()}, 'c'), Nd4j.create(y, new long[] {n, train.labelWidth()}, 'c'));
    }

    @Test
    void a_fine_tuned_network_starts_from_the_loaded_weights_its_first_batch_loss_is_the_model_s() throws Exception {
        TrainingRun run = TrainingRun.prepare(new DocumentFiles().load(IRIS), IRIS);
        WeightTransfer transfer = run.startFrom(ModelBundle.load(model));
        assertEquals(List.of("dense_1", "dense_2", "output_1"), transfer.kept());
        assertEquals(Map.of(), transfer.fresh());
        ComputationGraph trained = ModelBundle.load(model).graph();
        assertArrayEquals(trained.params().toFloatVector(), run.graph().params().toFloatVector(), "every weight, bit for bit");
        DataSet first = batch(run, 16);
        double modelLoss = trained.score(first, false);
        run.graph().fit(first);
        // DL4J scores a batch on the forward pass of fit, before the update: the loaded model's loss
        assertEquals(modelLoss, run.graph().score(), 1e-6);
    }

    @Test
    void a_new_head_for_another_number_of_classes_keeps_the_body_and_says_why_the_head_is_fresh() throws Exception {
        NetworkDocument four = new DocumentFiles().load(IRIS);
        four.replace(four.node("output_1").orElseThrow().withParam("units", 4L));
        // compiled on its own (four outputs cannot train on iris' three classes; only the weights matter here)
        ComputationGraph graph = new NetworkCompiler().compile(four);
        ComputationGraph trained = ModelBundle.load(model).graph();
        WeightTransfer transfer = WeightTransfer.copy(trained, graph);
        assertEquals(List.of("dense_1", "dense_2"), transfer.kept());
        assertEquals(Map.of("output_1", "its weights W are 16×4 here, 16×3 in the model"), transfer.fresh());
        assertArrayEquals(trained.getLayer("dense_2").params().toFloatVector(), graph.getLayer("dense_2").params().toFloatVector());
        assertEquals("kept dense_1, dense_2; fresh: output_1 (its weights W are 16×4 here, 16×3 in the model)", transfer.describe());

        NetworkDocument saved = ModelBundle.load(model).document();
        Map<String, String> preview = WeightTransfer.preview(saved, ShapeInference.analyse(saved), four, ShapeInference.analyse(four));
        assertEquals(List.of("dense_1", "dense_2", "output_1"), List.copyOf(preview.keySet()), "every layer with weights, in order");
        assertEquals(null, preview.get("dense_1"));
        assertEquals(null, preview.get("dense_2"));
        assertEquals("68 weights to 4 here, 51 to 3 in the model", preview.get("output_1"), "the preview agrees with the copy");
    }
}
