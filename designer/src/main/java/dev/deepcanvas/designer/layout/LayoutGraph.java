package dev.deepcanvas.designer.layout;

import dev.deepcanvas.designer.canvas.CanvasGeometry;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the layout needs from a document, copied so it can be laid out on another thread: layer ids
 * with their input-port counts, the wires, and where the network starts on the canvas.
 */
public record LayoutGraph(Map<String, Integer> inputPorts, List<Edge> edges, double left, double top, long revision) {

    public static LayoutGraph of(NetworkDocument doc, LayerCatalog catalog) {
        Map<String, Integer> highest = new HashMap<>();
        for (Edge e : doc.edges()) {
            highest.merge(e.to(), e.toPort(), Math::max);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        double left = Double.MAX_VALUE;
        double top = Double.MAX_VALUE;
        for (LayerNode n : doc.nodes()) {
            LayerKind kind = catalog.find(n.kind()).orElse(null);
            int count = kind == null ? 1 : CanvasGeometry.inputPorts(kind, highest.getOrDefault(n.id(), -1));
            ports.put(n.id(), Math.max(count, highest.getOrDefault(n.id(), -1) + 1));
            left = Math.min(left, n.x());
            top = Math.min(top, n.y());
        }
        return new LayoutGraph(ports, List.copyOf(doc.edges()), doc.nodes().isEmpty() ? 0 : left, doc.nodes().isEmpty() ? 0 : top, doc.revision());
    }
}
