package dev.deepcanvas.designer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepcanvas.runtime.document.LayerNode;
import org.junit.jupiter.api.Test;

class LayerNamesTest {

    private final LayerNames names = LayerNames.standard();

    @Test
    void a_layer_is_named_by_its_kind_and_most_telling_parameter() {
        assertEquals("Dense 64", names.label(LayerNode.of("d", "Dense")));
        assertEquals("Dense 128", names.label(LayerNode.of("d", "Dense").withParam("units", 128)));
        assertEquals("Dropout 0.5", names.label(LayerNode.of("d", "Dropout")));
        assertEquals("ImageInput 28×28×1", names.label(LayerNode.of("i", "ImageInput")));
        assertEquals("Flatten", names.label(LayerNode.of("f", "Flatten")));
    }

    @Test
    void the_node_face_lists_key_parameters() {
        assertEquals("units 64 · relu", names.keyParams(LayerNode.of("d", "Dense")));
        assertEquals("units 10 · softmax · cross_entropy", names.keyParams(LayerNode.of("o", "Output")));
        assertEquals("features 20", names.keyParams(LayerNode.of("v", "VectorInput")));
    }
}
