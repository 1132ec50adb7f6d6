package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.Arrays;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Padding never counts: a text of 3 tokens padded to 7 and masked gives the same answer as the
 * same 3 tokens alone, through every sequence kind that can end in one answer per sequence.
 */
class MaskTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("LSTM → LastTimeStep", new Object[][] {{"LSTM", "units", 5}, {"LastTimeStep"}}),
                Arguments.of("SimpleRNN → LastTimeStep", new Object[][] {{"SimpleRNN", "units", 5}, {"LastTimeStep"}}),
                Arguments.of("LSTM → max pooling", new Object[][] {{"LSTM", "units", 5}, {"GlobalPooling", "type", "max"}}),
                Arguments.of("Bidirectional LSTM → average pooling",
                        new Object[][] {{"Bidirectional", "cell", "lstm", "units", 4}, {"GlobalPooling", "type", "avg"}}),
                Arguments.of("Bidirectional → LastTimeStep", new Object[][] {{"Bidirectional", "cell", "lstm", "units", 4}, {"LastTimeStep"}}),
                Arguments.of("SelfAttention → average pooling",
                        new Object[][] {{"SelfAttention", "heads", 2, "headSize", 3, "units", 6}, {"GlobalPooling", "type", "avg"}}),
                Arguments.of("Dense per step → LayerNormalization → average pooling",
                        new Object[][] {{"Dense", "units", 5, "activation", "tanh"}, {"LayerNormalization"}, {"GlobalPooling", "type", "avg"}}),
                Arguments.of("Conv1D (kernel 1) → max pooling",
                        new Object[][] {{"Conv1D", "filters", 6, "kernel", 1}, {"GlobalPooling", "type", "max"}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void a_padded_masked_text_gives_the_same_answer_as_the_text_alone(String name, Object[][] layers) throws Exception {
        DocumentBuilder b = new DocumentBuilder(name);
        b.add("TokenInput", "timeSteps", 0);
        b.then("Embedding", "vocabulary", 20, "dimension", 4);
        for (Object[] layer : layers) {
            Object[] params = new Object[layer.length - 1];
            System.arraycopy(layer, 1, params, 0, params.length);
            b.then((String) layer[0], params);
        }
        b.then("Output", "units", 3, "activation", "softmax", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        ComputationGraph graph = new NetworkCompiler().compile(doc);

        float[] tokens = {5, 9, 2};
        INDArray alone = Nd4j.create(tokens, new long[] {1, 1, 3}, 'c');
        INDArray aloneMask = Nd4j.ones(1, 3);
        float[] expected = graph.output(false, new INDArray[] {alone}, new INDArray[] {aloneMask})[0].toFloatVector();

        // a batch of two: the same text padded with zeros (the padding id) and a longer text beside it
        INDArray padded = Nd4j.create(new float[] {5, 9, 2, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7}, new long[] {2, 1, 7}, 'c');
        INDArray mask = Nd4j.create(new float[] {1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, new long[] {2, 7}, 'c');
        float[] got = graph.output(false, new INDArray[] {padded}, new INDArray[] {mask})[0].getRow(0).toFloatVector();
        assertArrayEquals(expected, got, 1e-5f, name);
    }

    @Test
    void a_transformer_block_ignores_whatever_stands_in_the_padded_steps() throws Exception {
        ComputationGraph graph = new NetworkCompiler().compile(TransformerNetworks.classifier(7, 20, 6, 3));
        INDArray mask = Nd4j.create(new float[] {1, 1, 1, 0, 0, 0, 0}, new long[] {1, 7}, 'c');
        INDArray padded = Nd4j.create(new float[] {5, 9, 2, 0, 0, 0, 0}, new long[] {1, 1, 7}, 'c');
        INDArray filled = Nd4j.create(new float[] {5, 9, 2, 7, 3, 11, 4}, new long[] {1, 1, 7}, 'c');
        float[] expected = graph.output(false, new INDArray[] {padded}, new INDArray[] {mask})[0].toFloatVector();
        float[] got = graph.output(false, new INDArray[] {filled}, new INDArray[] {mask})[0].toFloatVector();
        assertArrayEquals(expected, got, 1e-5f);
        float[] unmasked = graph.output(false, new INDArray[] {filled}, new INDArray[] {Nd4j.ones(1, 7)})[0].toFloatVector();
        assertFalse(Arrays.equals(expected, unmasked), "the masked steps must matter once they are real");
    }

    static Stream<Arguments> sequenceKinds() {
        return Stream.of(
                Arguments.of("LSTM", new Object[] {"units", 4}),
                Arguments.of("SimpleRNN", new Object[] {"units", 4}),
                Arguments.of("Bidirectional", new Object[] {"cell", "lstm", "units", 3}),
                Arguments.of("Conv1D", new Object[] {"filters", 4, "kernel", 1}),
                Arguments.of("Conv1D", new Object[] {"filters", 4, "kernel", 3, "padding", "same"}),
                Arguments.of("Conv1D", new Object[] {"filters", 4, "kernel", 3, "padding", "valid"}),
                Arguments.of("Conv1D", new Object[] {"filters", 4, "kernel", 2, "stride", 2}),
                Arguments.of("SelfAttention", new Object[] {"heads", 2, "headSize", 2, "units", 4}),
                Arguments.of("Dropout", new Object[] {"rate", 0.2}),
                Arguments.of("Activation", new Object[] {"function", "tanh"}),
                Arguments.of("Dense", new Object[] {"units", 4}),
                Arguments.of("LayerNormalization", new Object[] {}),
                Arguments.of("PositionEmbedding", new Object[] {}));
    }

    /** Training runs the masked forward and backward pass, where DL4J's own quirks show (e.g. its DropoutLayer). */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sequenceKinds")
    void every_sequence_kind_trains_on_a_masked_batch(String kind, Object[] params) throws Exception {
        DocumentBuilder b = new DocumentBuilder(kind);
        b.add("TokenInput", "timeSteps", 7);
        b.then("Embedding", "vocabulary", 20, "dimension", 4);
        b.then(kind, params);
        b.then("GlobalPooling", "type", "avg");
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        ComputationGraph graph = new NetworkCompiler().compile(b.build());
        INDArray x = Nd4j.create(new float[] {5, 9, 2, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7}, new long[] {2, 1, 7}, 'c');
        INDArray mask = Nd4j.create(new float[] {1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, new long[] {2, 7}, 'c');
        INDArray y = Nd4j.create(new float[] {1, 0, 0, 1}, new long[] {2, 2}, 'c');
        INDArray before = graph.params().dup();
        graph.fit(new DataSet(x, y, mask, null));
        assertFalse(before.equals(graph.params()), kind + ": one masked step changed the weights");
        assertTrue(Double.isFinite(graph.score()), kind + ": finite loss");
    }
}
