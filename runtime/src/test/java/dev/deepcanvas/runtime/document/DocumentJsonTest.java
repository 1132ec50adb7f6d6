package dev.deepcanvas.runtime.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentJsonTest {

    private final DocumentJson json = new DocumentJson();

    static NetworkDocument sample() {
        var b = new DocumentBuilder("Two heads");
        String in = b.add("VectorInput", "features", 20);
        String other = b.add("VectorInput", "features", 3);
        b.merge("Concatenate", List.of(in, other));
        b.then("Dense", "units", 64, "activation", "tanh", "useBias", false);
        b.then("Dropout", "rate", 0.25);
        String trunk = b.current();
        b.then("Output", "units", 3);
        b.from(trunk).then("Output", "units", 1, "activation", "identity", "loss", "mae");
        NetworkDocument doc = b.build();
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.NESTEROV, 0.05).batchSize(16).epochs(7).seed(-3)
                .l2(1e-4).gradientClip(1.0).decay(TrainingSetup.Decay.STEP, 0.5, 5).earlyStopping(3, true).build());
        doc.setData(DataBinding.csv("data/iris.csv").withLabel("species").withColumns(List.of("id"), List.of("colour")).withSplit(0.6, 0.2, 0.2)
                .withAugmentation(new DataBinding.Augmentation(true, 10, 2)));
        doc.replace(doc.node("dense_1").orElseThrow().at(12.5, -40));
        return doc;
    }

    private String error(String text) {
        return assertThrows(DocumentFormatException.class, () -> json.read(text)).getMessage();
    }

    @Test
    void a_document_survives_a_round_trip_exactly() throws Exception {
        NetworkDocument doc = sample();
        String text = json.write(doc);
        NetworkDocument back = json.read(text);
        assertEquals(doc, back);
        assertEquals(text, json.write(back), "writing again gives the same bytes");
        assertTrue(text.startsWith("{\n  \"formatVersion\" : 1,"), text);
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void defaults_are_not_written_and_stay_defaults() throws Exception {
        NetworkDocument doc = json.read("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"d\",\"kind\":\"Dense\"}]}");
        assertEquals(java.util.Map.of(), doc.node("d").orElseThrow().params());
        assertEquals(TrainingSetup.defaults(), doc.training());
    }

    @Test
    void malformed_json_names_line_and_column() {
        String message = error("{\n  \"formatVersion\": 1,\n  \"name\": oops\n}");
        assertTrue(message.startsWith("Not valid JSON at line 3, column"), message);
    }

    @Test
    void an_empty_file_or_a_non_object_is_refused() {
        assertTrue(error("").contains("empty or is not a JSON object"));
        assertTrue(error("[1,2]").contains("empty or is not a JSON object"));
    }

    @Test
    void an_unknown_or_missing_version_is_refused() {
        assertEquals("The file has format version 9, but this DeepCanvas reads versions 1 to 1. It was written by a newer DeepCanvas: please update.",
                error("{\"formatVersion\":9,\"name\":\"n\"}"));
        assertEquals("The file has format version 0, but this DeepCanvas reads versions 1 to 1.", error("{\"formatVersion\":0,\"name\":\"n\"}"));
        assertTrue(error("{\"name\":\"n\"}").startsWith("formatVersion is missing"));
    }

    @Test
    void a_version_written_as_text_and_an_adam_beta_of_one_are_named() {
        assertEquals("formatVersion must be a whole number, not \"1\".", error("{\"formatVersion\":\"1\",\"name\":\"n\"}"));
        assertEquals("training.beta1 must be at least 0 and below 1, not 1.0.",
                error("{\"formatVersion\":1,\"name\":\"n\",\"training\":{\"beta1\":1}}"));
    }

    @Test
    void an_unknown_layer_kind_is_named_with_the_known_ones() {
        String message = error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dnse\"}]}");
        assertTrue(message.startsWith("layers[0] ('a') has the unknown layer kind 'Dnse'. Known kinds: VectorInput, "), message);
    }

    @Test
    void a_dangling_edge_names_the_missing_layer() {
        String message = error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dense\"}],"
                + "\"edges\":[{\"from\":\"a\",\"to\":\"ghost\"}]}");
        assertEquals("edges[0] connects 'a' to 'ghost', but there is no layer 'ghost'. Delete the wire or restore the layer.", message);
    }

    @Test
    void absurd_sizes_are_refused_without_overflow() {
        String message = error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dense\",\"params\":{\"units\":99999999999999999999}}]}");
        assertEquals("layers[0] ('a').params.units is 99999999999999999999, an absurd size; at most 1,000,000 is allowed.", message);
    }

    @Test
    void very_deep_nesting_is_refused_with_a_plain_message() {
        String deep = "{\"formatVersion\":1,\"name\":\"n\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(error(deep).startsWith("The file nests data deeper than 32 levels"), error(deep));
    }

    @Test
    void wrong_parameter_types_and_names_are_named() {
        assertEquals("layers[0] ('a').params.units must be a whole number, not \"many\".",
                error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dense\",\"params\":{\"units\":\"many\"}}]}"));
        assertEquals("layers[0] ('a').params.activation must be one of relu, leaky_relu, randomized_relu, thresholded_relu, elu, selu, gelu, swish, mish, relu6, sigmoid, hard_sigmoid, tanh, hard_tanh, rational_tanh, rectified_tanh, softmax, softplus, softsign, cube, identity, not \"relux\".",
                error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dense\",\"params\":{\"activation\":\"relux\"}}]}"));
        assertEquals("layers[0] ('a'): Dense has no parameter 'unit'. Its parameters are: units, activation, useBias.",
                error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"id\":\"a\",\"kind\":\"Dense\",\"params\":{\"unit\":3}}]}"));
    }

    @Test
    void nothing_in_a_file_can_name_a_class_to_instantiate() {
        // Polymorphic-typing tricks are just unknown fields here.
        assertEquals("Unknown field '@class' in layers[0].",
                error("{\"formatVersion\":1,\"name\":\"n\",\"layers\":[{\"@class\":\"java.lang.ProcessBuilder\",\"id\":\"a\",\"kind\":\"Dense\"}]}"));
    }

    @Test
    void duplicate_keys_are_refused() {
        assertTrue(error("{\"formatVersion\":1,\"formatVersion\":1,\"name\":\"n\"}").contains("Duplicate field 'formatVersion'"));
    }

    @Test
    void bad_training_settings_are_named() {
        assertEquals("training.optimizer 'adamw' is not one of sgd, nesterov, adam, rmsprop, adagrad.",
                error("{\"formatVersion\":1,\"name\":\"n\",\"training\":{\"optimizer\":\"adamw\"}}"));
        assertEquals("training.batchSize must be a whole number from 1 to 1,000,000, not 0.",
                error("{\"formatVersion\":1,\"name\":\"n\",\"training\":{\"batchSize\":0}}"));
        assertEquals("training.learningRate must be greater than 0, not -1.0.",
                error("{\"formatVersion\":1,\"name\":\"n\",\"training\":{\"learningRate\":-1}}"));
    }

    @Test
    void a_non_finite_number_cannot_be_written() {
        NetworkDocument doc = sample();
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.SGD, Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> json.write(doc));
    }
}
