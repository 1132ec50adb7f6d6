package dev.deepcanvas.runtime.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {

    static NetworkDocument kerasMlp() {
        var b = new DocumentBuilder("mlp");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64);
        b.then("Dropout", "rate", 0.5);
        b.then("Dense", "units", 64);
        b.then("Dropout", "rate", 0.5);
        b.then("Output", "units", 10);
        return b.build();
    }

    private static Diagnostic only(NetworkAnalysis a, String nodeId) {
        List<Diagnostic> ds = a.diagnosticsFor(nodeId);
        assertEquals(1, ds.size(), () -> "diagnostics of " + nodeId + ": " + a.diagnostics());
        return ds.get(0);
    }

    @Test
    void the_keras_example_mlp_has_6154_parameters_and_the_keras_shapes() {
        NetworkAnalysis a = ShapeInference.analyse(kerasMlp());
        assertTrue(a.isValid(), a.diagnostics()::toString);
        assertEquals(List.of(), a.diagnostics());
        assertEquals(6_154, a.totalParameters());
        assertEquals(6_154, a.trainableParameters());
        assertEquals(1_344, a.info("dense_1").orElseThrow().parameters());
        assertEquals(4_160, a.info("dense_2").orElseThrow().parameters());
        assertEquals(650, a.info("output_1").orElseThrow().parameters());
        assertEquals(new Shape.Flat(64), a.shapeOf("dropout_1").orElseThrow());
        assertEquals(new Shape.Flat(10), a.shapeOf("output_1").orElseThrow());
    }

    @Test
    void lstm_64_to_128_has_98816_parameters_as_in_dl4j() {
        var b = new DocumentBuilder("lstm");
        b.add("SequenceInput", "features", 64, "timeSteps", 10);
        b.then("LSTM", "units", 128);
        b.then("LastTimeStep");
        b.then("Output", "units", 2);
        NetworkAnalysis a = ShapeInference.analyse(b.build());
        assertEquals(98_816, a.info("lstm_1").orElseThrow().parameters());
        assertEquals(new Shape.Sequence(128, 10), a.shapeOf("lstm_1").orElseThrow());
        assertEquals("10×128", a.shapeOf("lstm_1").orElseThrow().display());
    }

    @Test
    void batch_norm_stores_four_values_per_channel_of_which_two_are_trained() {
        var b = new DocumentBuilder("bn");
        b.add("ImageInput", "height", 8, "width", 8, "channels", 3);
        b.then("Conv2D", "filters", 16, "kernel", 3, "padding", "same");
        b.then("BatchNorm");
        b.then("GlobalPooling");
        b.then("Output", "units", 2);
        NetworkAnalysis a = ShapeInference.analyse(b.build());
        NodeInfo bn = a.info("batch_norm_1").orElseThrow();
        assertEquals(64, bn.parameters());
        assertEquals(32, bn.trainable());
        assertEquals(a.totalParameters() - 32, a.trainableParameters());
    }

    @Test
    void a_cycle_is_reported_on_each_layer_of_the_loop() {
        // dropout_1 and dropout_2 meet in an Add that feeds dense_2: dense_2 → dropout_2 → add_1 → dense_2.
        NetworkDocument doc = kerasMlp();
        doc.add(LayerNode.of("add_1", "Add"));
        doc.disconnect(Edge.of("dropout_1", "dense_2", 0));
        doc.connect(Edge.of("dropout_1", "add_1", 0));
        doc.connect(Edge.of("dropout_2", "add_1", 1));
        doc.connect(Edge.of("add_1", "dense_2", 0));
        NetworkAnalysis a = ShapeInference.analyse(doc);
        assertFalse(a.isValid());
        for (String id : List.of("add_1", "dense_2", "dropout_2")) {
            assertTrue(only(a, id).message().contains("loop"), id);
        }
        assertTrue(a.diagnosticsFor("output_1").isEmpty(), "downstream of the loop: no cascade");
    }

    @Test
    void an_unconnected_input_port_is_named_with_a_hint() {
        NetworkDocument doc = kerasMlp();
        doc.disconnect(Edge.of("dropout_1", "dense_2"));
        NetworkAnalysis a = ShapeInference.analyse(doc);
        Diagnostic d = only(a, "dense_2");
        assertEquals("Dense has no input.", d.message());
        assertTrue(d.hint().contains("Drag a wire"));
        assertTrue(a.diagnosticsFor("dropout_2").isEmpty(), "no cascade below the unconnected layer");
    }

    @Test
    void a_merge_with_one_wire_names_its_free_port() {
        var b = new DocumentBuilder("merge");
        String in = b.add("VectorInput", "features", 4);
        b.merge("Add", List.of(in));
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "add_1");
        assertEquals("Add input 2 of 2 is not connected.", d.message());
    }

    @Test
    void a_layer_that_reaches_no_output_is_a_warning() {
        NetworkDocument doc = kerasMlp();
        doc.add(LayerNode.of("stray", "Dense"));
        doc.connect(Edge.of("dense_1", "stray"));
        NetworkAnalysis a = ShapeInference.analyse(doc);
        Diagnostic d = only(a, "stray");
        assertEquals(Severity.WARNING, d.severity());
        assertTrue(a.isValid(), "a warning does not block compilation");
        assertFalse(a.order().contains("stray"), "the compiler leaves it out");
    }

    @Test
    void a_network_without_input_or_output_says_so() {
        NetworkDocument doc = new NetworkDocument("empty");
        NetworkAnalysis a = ShapeInference.analyse(doc);
        assertEquals(List.of("The network has no input.", "The network has no output."),
                a.errors().stream().map(Diagnostic::message).toList());
        assertTrue(a.errors().stream().allMatch(d -> d.nodeId() == null));
    }

    @Test
    void add_with_different_shapes_names_both_shapes() {
        var b = new DocumentBuilder("skip");
        String in = b.add("VectorInput", "features", 4);
        String left = b.then("Dense", "units", 64);
        String right = b.from(in).then("Dense", "units", 32);
        b.merge("Add", List.of(left, right));
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "add_1");
        assertEquals("Add needs inputs of one shape, but gets 64 and 32.", d.message());
        assertTrue(d.hint().contains("Concatenate"));
    }

    @Test
    void concatenate_of_images_with_different_sizes_is_refused() {
        var b = new DocumentBuilder("cat");
        String in = b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        String left = b.then("Conv2D", "filters", 4, "kernel", 3);
        String right = b.from(in).then("Conv2D", "filters", 4, "kernel", 3, "padding", "same");
        b.merge("Concatenate", List.of(left, right));
        b.then("Flatten");
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "concatenate_1");
        assertEquals("Concatenate cannot join 6×6×4 with 8×8×4.", d.message());
    }

    @Test
    void concatenate_adds_up_channels() {
        var b = new DocumentBuilder("cat");
        String in = b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        String left = b.then("Conv2D", "filters", 4, "kernel", 3, "padding", "same");
        String right = b.from(in).then("Conv2D", "filters", 6, "kernel", 1);
        b.merge("Concatenate", List.of(left, right));
        assertEquals(new Shape.Image(10, 8, 8), ShapeInference.analyse(b.build()).shapeOf("concatenate_1").orElseThrow());
    }

    @Test
    void dense_fed_an_image_asks_for_flatten_never_reshapes_silently() {
        var b = new DocumentBuilder("img");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Dense", "units", 10);
        b.then("Output", "units", 10);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "dense_1");
        assertEquals("Dense needs a flat vector, but gets an image 28×28×1.", d.message());
        assertTrue(d.hint().startsWith("Insert Flatten"), d.hint());
    }

    @Test
    void dense_fed_a_sequence_applies_to_every_step_as_in_keras() {
        var b = new DocumentBuilder("seq");
        b.add("SequenceInput", "features", 3, "timeSteps", 5);
        b.then("Dense", "units", 10);
        NetworkAnalysis a = ShapeInference.analyse(b.build());
        assertEquals(new Shape.Sequence(10, 5), a.shapeOf("dense_1").orElseThrow());
        assertEquals(3 * 10 + 10, a.info("dense_1").orElseThrow().parameters());
    }

    @Test
    void position_embedding_needs_a_fixed_length_and_has_one_vector_per_step() {
        var b = new DocumentBuilder("pos");
        b.add("TokenInput", "timeSteps", 0);
        b.then("Embedding", "vocabulary", 50, "dimension", 8);
        b.then("PositionEmbedding");
        Diagnostic d = only(ShapeInference.analyse(b.build()), "position_embedding_1");
        assertTrue(d.hint().contains("timeSteps"), d.hint());

        var fixed = new DocumentBuilder("pos");
        fixed.add("TokenInput", "timeSteps", 12);
        fixed.then("Embedding", "vocabulary", 50, "dimension", 8);
        fixed.then("PositionEmbedding");
        fixed.then("LayerNormalization");
        NetworkAnalysis a = ShapeInference.analyse(fixed.build());
        assertEquals(12 * 8, a.info("position_embedding_1").orElseThrow().parameters());
        assertEquals(2 * 8, a.info("layer_normalization_1").orElseThrow().parameters());
        assertEquals(new Shape.Sequence(8, 12), a.shapeOf("layer_normalization_1").orElseThrow());
    }

    @Test
    void layer_normalization_refuses_images_and_points_to_batch_norm() {
        var b = new DocumentBuilder("ln");
        b.add("ImageInput", "height", 8, "width", 8, "channels", 1);
        b.then("LayerNormalization");
        Diagnostic d = only(ShapeInference.analyse(b.build()), "layer_normalization_1");
        assertTrue(d.hint().contains("BatchNorm"), d.hint());
    }

    /** Found by the random-network test: DL4J throws "Invalid padding values calculated" in the forward pass. */
    @Test
    void same_padding_with_a_stride_past_the_kernel_s_reach_is_refused_before_dl4j_sees_it() {
        var b = new DocumentBuilder("s");
        b.add("ImageInput", "height", 8, "width", 7, "channels", 1);
        b.then("Conv2D", "kernel", 1, "stride", 5, "padding", "same");
        b.then("Flatten");
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "conv2d_1");
        assertEquals("With padding 'same', a stride of 5 jumps past input the kernel never covers (it spans 1 of 8 values).", d.message());
        assertTrue(d.hint().startsWith("Use a stride of at most 1"), d.hint());
        // the usual downsampling 1×1 convolution (ResNet's shortcut: stride 2) stays valid
        var ok = new DocumentBuilder("ok");
        ok.add("ImageInput", "height", 7, "width", 8, "channels", 1);
        ok.then("Conv2D", "kernel", 1, "stride", 2, "padding", "same");
        ok.then("Flatten");
        ok.then("Output", "units", 2);
        assertTrue(ShapeInference.analyse(ok.build()).isValid());
    }

    @Test
    void a_kernel_larger_than_its_input_is_refused() {
        var b = new DocumentBuilder("k");
        b.add("ImageInput", "height", 4, "width", 4, "channels", 1);
        b.then("Conv2D", "kernel", 5);
        b.then("Flatten");
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "conv2d_1");
        assertEquals("Kernel 5 is larger than its input (4).", d.message());
        assertTrue(d.hint().contains("padding 'same'"));
    }

    @Test
    void non_positive_sizes_are_refused_with_the_allowed_range() {
        var b = new DocumentBuilder("zero");
        b.add("VectorInput", "features", 4);
        b.then("Dense", "units", 0);
        b.then("Output", "units", 2);
        Diagnostic d = only(ShapeInference.analyse(b.build()), "dense_1");
        assertEquals("units must be between 1 and 1,000,000, not 0.", d.message());
    }

    @Test
    void a_softmax_head_with_a_regression_loss_is_an_error() {
        var b = new DocumentBuilder("head");
        b.add("VectorInput", "features", 4);
        b.then("Output", "units", 3, "activation", "softmax", "loss", "mse");
        Diagnostic d = only(ShapeInference.analyse(b.build()), "output_1");
        assertTrue(d.isError());
        assertTrue(d.message().startsWith("A softmax head with a regression loss (mse)"), d.message());
        assertTrue(d.hint().contains("identity"));
    }

    @Test
    void cross_entropy_on_an_identity_head_is_an_error() {
        var b = new DocumentBuilder("head");
        b.add("VectorInput", "features", 4);
        b.then("Output", "units", 3, "activation", "identity", "loss", "cross_entropy");
        assertTrue(only(ShapeInference.analyse(b.build()), "output_1").isError());
    }

    @Test
    void duplicate_ids_are_reported() {
        NetworkDocument doc = kerasMlp();
        doc.add(LayerNode.of("dense_1", "Dense"));
        NetworkAnalysis a = ShapeInference.analyse(doc);
        assertTrue(a.errors().stream().anyMatch(d -> "dense_1".equals(d.nodeId()) && d.message().equals("Two layers share the id 'dense_1'.")));
    }

    @Test
    void an_unknown_kind_and_an_unknown_parameter_are_reported_on_their_layer() {
        NetworkDocument doc = kerasMlp();
        doc.add(LayerNode.of("odd", "Teleporter"));
        doc.replace(doc.node("dense_1").orElseThrow().withParam("unit", 3L));
        NetworkAnalysis a = ShapeInference.analyse(doc);
        assertEquals("'Teleporter' is not a known layer kind.", a.diagnosticsFor("odd").get(0).message());
        assertEquals("Dense has no parameter 'unit'.", a.diagnosticsFor("dense_1").get(0).message());
    }

    @Test
    void two_wires_into_one_port_are_refused() {
        NetworkDocument doc = kerasMlp();
        doc.connect(Edge.of("dense_1", "dense_2"));
        Diagnostic d = only(ShapeInference.analyse(doc), "dense_2");
        assertTrue(d.message().contains("has two wires"), d.message());
    }

    @Test
    void an_activation_too_large_for_memory_is_refused() {
        var b = new DocumentBuilder("huge");
        b.add("ImageInput", "height", 8192, "width", 8192, "channels", 64);
        b.then("Flatten");
        b.then("Output", "units", 2);
        NetworkAnalysis a = ShapeInference.analyse(b.build());
        assertFalse(a.isValid());
    }

    @Test
    void self_attention_counts_query_key_value_and_output_projections() {
        var b = new DocumentBuilder("attn");
        b.add("SequenceInput", "features", 10, "timeSteps", 5);
        b.then("SelfAttention", "heads", 2, "headSize", 8, "units", 16);
        b.then("GlobalPooling");
        b.then("Output", "units", 2);
        // Measured on DL4J 1.0.0-M2.1: 3·10·2·8 + 2·8·16 = 736.
        assertEquals(736, ShapeInference.analyse(b.build()).info("self_attention_1").orElseThrow().parameters());
    }

    @Test
    void analysing_a_thousand_layers_stays_linear() {
        var b = new DocumentBuilder("deep");
        b.add("VectorInput", "features", 32);
        for (int i = 0; i < 1000; i++) {
            if (i % 2 == 0) {
                b.then("Dense", "units", 32);
            } else {
                b.then("Dropout");
            }
        }
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        NetworkAnalysis a = ShapeInference.analyse(doc);
        assertTrue(a.isValid());
        assertEquals(1002, a.order().size());
    }
}
