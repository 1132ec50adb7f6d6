package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The two kinds DL4J lacks (LayerNormalization, PositionEmbedding) in a Transformer encoder block. */
class TransformerTest {

    @TempDir
    Path dir;

    @Test
    void layer_normalization_gives_each_step_mean_zero_and_variance_one_before_training() throws Exception {
        var b = new DocumentBuilder("ln");
        b.add("SequenceInput", "features", 4, "timeSteps", 3);
        b.then("LayerNormalization", "epsilon", 1e-6);
        b.then("GlobalPooling", "type", "avg");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        ComputationGraph graph = new NetworkCompiler().compile(b.build());
        INDArray x = Nd4j.create(new float[] {1, 2, 3, 4, 10, 20, 30, 40, -1, 0, 5, 2}, new long[] {1, 3, 4}, 'c').permute(0, 2, 1).dup('c');
        INDArray y = graph.feedForward(new INDArray[] {x}, false).get("layer_normalization_1");
        for (int t = 0; t < 3; t++) {
            double[] step = y.get(NDArrayIndex.point(0), NDArrayIndex.all(),
                    NDArrayIndex.point(t)).toDoubleVector();
            double[] raw = x.get(NDArrayIndex.point(0), NDArrayIndex.all(),
                    NDArrayIndex.point(t)).toDoubleVector();
            double mean = (raw[0] + raw[1] + raw[2] + raw[3]) / 4;
            double variance = 0;
            for (double v : raw) {
                variance += (v - mean) * (v - mean) / 4;
            }
            for (int f = 0; f < 4; f++) {
                assertEquals((raw[f] - mean) / Math.sqrt(variance + 1e-6), step[f], 1e-4, "step " + t + " feature " + f);
            }
        }
    }

    @Test
    void the_block_has_the_counts_dl4j_reports_and_survives_saving() throws Exception {
        var doc = TransformerNetworks.classifier(7, 20, 6, 3);
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        assertEquals(analysis.totalParameters(), graph.numParams());
        assertEquals(7 * 6, graph.getLayer("position_embedding_1").numParams());
        assertEquals(2 * 6, graph.getLayer("layer_normalization_2").numParams());
        assertEquals(6 * 12 + 12, graph.getLayer("dense_1").numParams());

        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(graph.getConfiguration().toJson());
        assertEquals(graph.getConfiguration(), back);

        Path file = dir.resolve("model.zip");
        ModelSerializer.writeModel(graph, file.toFile(), true);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        INDArray x = Nd4j.create(new float[] {1, 4, 2, 8, 0, 0, 0}, new long[] {1, 1, 7}, 'c');
        INDArray mask = Nd4j.create(new float[] {1, 1, 1, 1, 0, 0, 0}, new long[] {1, 7}, 'c');
        assertArrayEquals(graph.output(false, new INDArray[] {x}, new INDArray[] {mask})[0].toFloatVector(),
                restored.output(false, new INDArray[] {x}, new INDArray[] {mask})[0].toFloatVector(), 1e-6f);
    }

    @Test
    void with_positions_the_block_learns_word_order_and_without_them_it_cannot() throws Exception {
        // class 1 when token 3 comes before token 4, class 0 when after: the same words either way
        DataSet train = orderTask(256, new Random(7));
        DataSet test = orderTask(256, new Random(8));
        double with = heldOutAccuracy(TransformerNetworks.classifier(6, 10, 8, 2), train, test);
        double without = heldOutAccuracy(TransformerNetworks.classifier(6, 10, 8, 2, false), train, test);
        assertTrue(with > 0.9, "held-out accuracy with positions " + with);
        assertTrue(without < 0.7, "held-out accuracy without positions " + without);
    }

    private static double heldOutAccuracy(NetworkDocument doc, DataSet train, DataSet test) throws Exception {
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.ADAM, 0.01).build());
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        for (int epoch = 0; epoch < 80; epoch++) {
            graph.fit(train);
        }
        Evaluation e = new Evaluation(2);
        e.eval(test.getLabels(), graph.outputSingle(test.getFeatures()));
        return e.accuracy();
    }

    private static DataSet orderTask(int n, Random rnd) {
        INDArray x = Nd4j.create(DataType.FLOAT, n, 1, 6);
        INDArray y = Nd4j.create(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 6; t++) {
                x.putScalar(new int[] {i, 0, t}, 5 + rnd.nextInt(5));
            }
            int a = rnd.nextInt(6);
            int c = (a + 1 + rnd.nextInt(5)) % 6;
            x.putScalar(new int[] {i, 0, a}, 3);
            x.putScalar(new int[] {i, 0, c}, 4);
            y.putScalar(i, a < c ? 1 : 0, 1);
        }
        return new DataSet(x, y);
    }
}
