package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Scoring a split from one forward pass gives DL4J's own loss. */
class SplitScorerTest {

    @ParameterizedTest(name = "{0} + {1}, {2} units")
    @CsvSource({
        "softmax, cross_entropy, 3",
        "sigmoid, binary_cross_entropy, 2",
        "identity, mse, 2",
        "identity, mae, 1"
    })
    void the_one_pass_loss_equals_dl4js_score(String activation, String loss, int units) throws Exception {
        var b = new DocumentBuilder("net");
        b.add("VectorInput", "features", 4);
        b.then("Dense", "units", 6, "activation", "tanh");
        b.then("Output", "units", units, "activation", activation, "loss", loss);
        NetworkDocument doc = b.build();
        doc.setTraining(TrainingSetup.defaults().toBuilder().l2(0.01).build());
        ComputationGraph graph = new NetworkCompiler().compile(doc);

        Random r = new Random(3);
        int n = 37;
        float[] x = new float[n * 4];
        float[] y = new float[n * units];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < n; i++) {
            if ("softmax".equals(activation)) {
                y[i * units + r.nextInt(units)] = 1;
            } else {
                for (int c = 0; c < units; c++) {
                    y[i * units + c] = "sigmoid".equals(activation) ? r.nextInt(2) : (float) r.nextGaussian();
                }
            }
        }
        Examples split = new Examples(new long[] {4}, x, units, y, new int[n]);
        double dl4j = graph.score(new DataSet(Nd4j.create(x, new long[] {n, 4}, 'c'), Nd4j.create(y, new long[] {n, units}, 'c')), false);
        double ours = OutputLoss.of(graph).mean(SplitScorer.outputs(graph, split, n), y, n, units);
        assertEquals(dl4j, ours, 1e-5);
    }
}
