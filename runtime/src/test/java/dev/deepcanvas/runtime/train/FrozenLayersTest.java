package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.NetworkSummary;
import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/** A frozen layer keeps its weights while the rest of the network trains (transfer learning). */
class FrozenLayersTest {

    /** The trainer test's classifier (Dense 8 → Dropout → Output 2) with its Dense layer frozen. */
    static NetworkDocument frozenDense() {
        NetworkDocument doc = TrainerTest.classifier(TrainerTest.setup(3, 16));
        doc.replace(doc.node("dense_1").orElseThrow().withFrozen(true));
        return doc;
    }

    @Test
    void a_frozen_layer_s_weights_are_bit_identical_after_training_and_the_others_learn() throws Exception {
        NetworkDocument doc = frozenDense();
        PreparedData data = SyntheticData.blobs(200, 0.6, 3);
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        float[] frozenBefore = graph.getLayer("dense_1").params().toFloatVector();
        float[] outputBefore = graph.getLayer("output_1").params().toFloatVector();
        TrainingEvent end = new Trainer(graph, data, doc.training(), null).run();
        assertTrue(end instanceof TrainingEvent.Finished f && f.epochsRun() == 3, end.toString());
        assertArrayEquals(frozenBefore, graph.getLayer("dense_1").params().toFloatVector(), "the frozen layer, bit for bit");
        assertFalse(Arrays.equals(outputBefore, graph.getLayer("output_1").params().toFloatVector()), "the output layer trained");
    }

    @Test
    void the_counts_split_into_trainable_and_non_trainable_and_dl4j_keeps_every_parameter() throws Exception {
        NetworkDocument doc = frozenDense();
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        assertEquals(2 * 8 + 8 + 8 * 2 + 2, analysis.totalParameters());
        assertEquals(8 * 2 + 2, analysis.trainableParameters(), "only the output layer trains");
        assertEquals(analysis.totalParameters(), new NetworkCompiler().compile(doc).numParams());
        String text = NetworkSummary.of(doc).toText();
        assertTrue(text.contains("Trainable params: 18\nNon-trainable params: 24\n"), text);
    }

    @Test
    void frozen_is_saved_and_read_back_and_a_wrong_value_is_named() throws Exception {
        DocumentJson json = new DocumentJson();
        String written = json.write(frozenDense());
        assertTrue(written.contains("\"frozen\" : true"), written);
        NetworkDocument read = json.read(written);
        assertTrue(read.node("dense_1").orElseThrow().frozen());
        assertFalse(read.node("output_1").orElseThrow().frozen());
        DocumentFormatException e = assertThrows(DocumentFormatException.class, () -> json.read(written.replace("\"frozen\" : true", "\"frozen\" : \"yes\"")));
        assertEquals("layers[1] ('dense_1').frozen must be true or false.", e.getMessage());
    }
}
