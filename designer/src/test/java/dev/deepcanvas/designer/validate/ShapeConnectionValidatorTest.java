package dev.deepcanvas.designer.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import org.junit.jupiter.api.Test;

class ShapeConnectionValidatorTest {

    private final ConnectionValidator validator = new ShapeConnectionValidator(LayerCatalog.standard());

    private static NetworkDocument chain() {
        var b = new DocumentBuilder("chain");
        b.add("VectorInput");
        b.then("Dense");
        b.then("Dense");
        b.then("Output");
        return b.build();
    }

    private void refused(NetworkDocument doc, Edge e, String reasonPart) {
        Verdict v = validator.check(doc, e);
        assertFalse(v.allowed(), e + " should be refused");
        assertTrue(v.reason().contains(reasonPart), v.reason());
    }

    @Test
    void a_wire_that_closes_a_loop_is_refused() {
        var b = new DocumentBuilder("loop");
        String in = b.add("VectorInput");
        String cat = b.merge("Concatenate", java.util.List.of(in));
        String dense = b.then("Dense");
        refused(b.build(), Edge.of(dense, cat, 1), "loop");
        refused(chain(), Edge.of("dense_1", "dense_1"), "cannot feed itself");
    }

    @Test
    void a_wire_into_an_occupied_port_is_refused() {
        NetworkDocument doc = chain();
        doc.add(LayerNode.of("other", "VectorInput"));
        refused(doc, Edge.of("other", "dense_1"), "already has an input (from vector_input_1)");
    }

    @Test
    void a_wire_into_a_network_input_is_refused() {
        NetworkDocument doc = chain();
        doc.add(LayerNode.of("in2", "VectorInput"));
        refused(doc, Edge.of("dense_1", "in2"), "takes no incoming wires");
    }

    @Test
    void a_wire_that_breaks_the_targets_shape_rule_is_refused_with_the_engines_reason() {
        NetworkDocument doc = new NetworkDocument("img");
        doc.add(LayerNode.of("image", "ImageInput"));
        doc.add(LayerNode.of("dense", "Dense"));
        refused(doc, Edge.of("image", "dense"), "Flatten");
    }

    @Test
    void a_good_wire_is_allowed() {
        NetworkDocument doc = new NetworkDocument("img");
        doc.add(LayerNode.of("image", "ImageInput"));
        doc.add(LayerNode.of("flat", "Flatten"));
        assertTrue(validator.check(doc, Edge.of("image", "flat")).allowed());
    }

    @Test
    void merge_inputs_must_agree_in_shape() {
        var b = new DocumentBuilder("merge");
        String in = b.add("VectorInput");
        String a = b.then("Dense", "units", 32);
        b.from(in);
        String c = b.then("Dense", "units", 16);
        NetworkDocument doc = b.build();
        doc.add(LayerNode.of("add", "Add"));
        doc.connect(Edge.of(a, "add", 0));
        refused(doc, Edge.of(c, "add", 1), "");
        doc.add(LayerNode.of("cat", "Concatenate"));
        doc.connect(Edge.of(a, "cat", 0));
        assertTrue(validator.check(doc, Edge.of(c, "cat", 1)).allowed());
    }
}
