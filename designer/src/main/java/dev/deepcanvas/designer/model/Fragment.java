package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Copied layers and the wires between them: what the clipboard holds. */
public record Fragment(List<LayerNode> nodes, List<Edge> edges) {

    public Fragment {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The given layers of a document, in document order, with the wires among them. */
    public static Fragment of(NetworkDocument doc, Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        List<LayerNode> nodes = doc.nodes().stream().filter(n -> wanted.contains(n.id())).toList();
        List<Edge> edges = doc.edges().stream().filter(e -> wanted.contains(e.from()) && wanted.contains(e.to())).toList();
        return new Fragment(nodes, edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
