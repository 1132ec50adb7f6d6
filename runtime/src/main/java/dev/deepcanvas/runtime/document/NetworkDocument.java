package dev.deepcanvas.runtime.document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The single source of truth for one network: its layers, wires and training setup.
 *
 * <p>Mutable so that editor commands can change it in place; every change bumps {@link
 * #revision()}, which views compare to know when to redraw. Node order is the order the user
 * added them and is kept in files. Equality compares content, not the revision.
 */
public final class NetworkDocument {

    private String name;
    private final List<LayerNode> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private TrainingSetup training = TrainingSetup.defaults();
    private DataBinding data;
    private long revision;

    public NetworkDocument(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    public void setName(String newName) {
        name = Objects.requireNonNull(newName, "name");
        revision++;
    }

    public List<LayerNode> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    public TrainingSetup training() {
        return training;
    }

    public void setTraining(TrainingSetup setup) {
        training = Objects.requireNonNull(setup, "training");
        revision++;
    }

    /** The bound data set, if any. */
    public Optional<DataBinding> data() {
        return Optional.ofNullable(data);
    }

    public void setData(DataBinding binding) {
        data = binding;
        revision++;
    }

    public long revision() {
        return revision;
    }

    /** The first node with this id; a valid document has no duplicates. */
    public Optional<LayerNode> node(String id) {
        for (LayerNode n : nodes) {
            if (n.id().equals(id)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    public int indexOf(String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public NetworkDocument add(LayerNode node) {
        return insert(nodes.size(), node);
    }

    public NetworkDocument insert(int index, LayerNode node) {
        nodes.add(index, Objects.requireNonNull(node, "node"));
        revision++;
        return this;
    }

    /** Replaces the node with the same id (parameter change, move). */
    public void replace(LayerNode node) {
        int i = indexOf(node.id());
        if (i < 0) {
            throw new IllegalArgumentException("no layer with id " + node.id());
        }
        nodes.set(i, node);
        revision++;
    }

    /** Removes the node only; callers remove its edges first (see the delete command). */
    public LayerNode remove(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no layer with id " + id);
        }
        revision++;
        return nodes.remove(i);
    }

    public NetworkDocument connect(Edge edge) {
        edges.add(Objects.requireNonNull(edge, "edge"));
        revision++;
        return this;
    }

    public NetworkDocument connect(String from, String to) {
        return connect(Edge.of(from, to));
    }

    public void disconnect(Edge edge) {
        if (!edges.remove(edge)) {
            throw new IllegalArgumentException("no such wire " + edge);
        }
        revision++;
    }

    public List<Edge> edgesTouching(String nodeId) {
        return edges.stream().filter(e -> e.touches(nodeId)).toList();
    }

    /** A fresh id from a kind or prefix: Dense gives dense_1, dense_2, ...; MaxPool2D max_pool2d_1. */
    public String freshId(String prefix) {
        String base = prefix.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase().replaceAll("[^a-z0-9]+", "_");
        for (int i = 1; ; i++) {
            String candidate = base + "_" + i;
            if (indexOf(candidate) < 0) {
                return candidate;
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkDocument d
                && name.equals(d.name)
                && nodes.equals(d.nodes)
                && edges.equals(d.edges)
                && training.equals(d.training)
                && Objects.equals(data, d.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, nodes, edges, training, data);
    }

    @Override
    public String toString() {
        return "NetworkDocument[" + name + ", " + nodes.size() + " layers, " + edges.size() + " wires]";
    }
}
