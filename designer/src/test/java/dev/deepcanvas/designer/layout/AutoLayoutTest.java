package dev.deepcanvas.designer.layout;

import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_HEIGHT;
import static dev.deepcanvas.designer.canvas.CanvasGeometry.NODE_WIDTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.designer.files.Templates;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoLayoutTest {

    @Test
    void resnet_is_laid_out_left_to_right_without_overlaps() throws Exception {
        NetworkDocument doc = Templates.standard().load("resnet50");
        Map<String, double[]> at = new AutoLayout().layout(LayoutGraph.of(doc, LayerCatalog.standard()));
        assertEquals(doc.nodes().size(), at.size());
        for (Edge e : doc.edges()) {
            assertTrue(at.get(e.to())[0] >= at.get(e.from())[0] + NODE_WIDTH, "data flows right: " + e);
        }
        List<double[]> boxes = List.copyOf(at.values());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i);
                double[] b = boxes.get(j);
                boolean overlap = a[0] < b[0] + NODE_WIDTH && b[0] < a[0] + NODE_WIDTH && a[1] < b[1] + NODE_HEIGHT && b[1] < a[1] + NODE_HEIGHT;
                assertFalse(overlap, "layers overlap");
            }
        }
    }

    @Test
    void the_network_stays_where_it_started() throws Exception {
        NetworkDocument doc = Templates.standard().load("keras-mlp");
        Map<String, double[]> at = new AutoLayout().layout(LayoutGraph.of(doc, LayerCatalog.standard()));
        assertEquals(0, at.values().stream().mapToDouble(p -> p[0]).min().orElseThrow());
        assertEquals(0, at.values().stream().mapToDouble(p -> p[1]).min().orElseThrow());
    }
}
