package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/** The selected layers (by id) and wires; the canvas, inspector and edit actions share it. */
public final class Selection {

    private final ObservableSet<String> nodes = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final ObservableSet<Edge> edges = FXCollections.observableSet(new java.util.LinkedHashSet<>());

    public ObservableSet<String> nodes() {
        return nodes;
    }

    public ObservableSet<Edge> edges() {
        return edges;
    }

    public void selectOnly(String nodeId) {
        edges.clear();
        if (nodes.size() != 1 || !nodes.contains(nodeId)) {
            nodes.clear();
            nodes.add(nodeId);
        }
    }

    public void selectOnly(Collection<String> nodeIds) {
        edges.clear();
        nodes.retainAll(nodeIds);
        nodes.addAll(nodeIds);
    }

    public void selectEdge(Edge edge) {
        nodes.clear();
        edges.clear();
        edges.add(edge);
    }

    public void toggle(String nodeId) {
        if (!nodes.remove(nodeId)) {
            nodes.add(nodeId);
        }
    }

    public void clear() {
        nodes.clear();
        edges.clear();
    }

    public boolean isEmpty() {
        return nodes.isEmpty() && edges.isEmpty();
    }

    /** The one selected layer, when exactly one is selected. */
    public Optional<String> single() {
        return nodes.size() == 1 ? Optional.of(nodes.iterator().next()) : Optional.empty();
    }

    /** Forgets layers and wires the document no longer has (after undo, delete, open). */
    public void prune(NetworkDocument doc) {
        if (!nodes.isEmpty()) {
            nodes.removeIf(id -> doc.indexOf(id) < 0);
        }
        if (!edges.isEmpty()) {
            List<Edge> all = doc.edges();
            edges.removeIf(e -> !all.contains(e));
        }
    }
}
