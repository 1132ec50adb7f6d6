package dev.deepcanvas.designer.model;

import dev.deepcanvas.designer.command.AddNode;
import dev.deepcanvas.designer.command.Batch;
import dev.deepcanvas.designer.command.Command;
import dev.deepcanvas.designer.command.Connect;
import dev.deepcanvas.designer.command.Disconnect;
import dev.deepcanvas.designer.command.RemoveNode;
import dev.deepcanvas.designer.command.ReplaceNodes;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes the named commands of the editor from what the user did. Each result is one undo step,
 * named as the Edit menu shows it: "Delete Dense 64", "Move 3 layers", "Set dense_1 units to 128".
 */
public final class Edits {

    private final NetworkDocument doc;
    private final LayerNames names;

    public Edits(NetworkDocument doc, LayerNames names) {
        this.doc = doc;
        this.names = names;
    }

    public Command add(LayerNode node) {
        return new AddNode(node, "Add " + names.label(node));
    }

    /** Adds a layer and wires {@code from} into its first input, as one step. */
    public Command addAfter(LayerNode node, String from) {
        return new Batch("Add " + names.label(node), List.of(new AddNode(node, "add"), new Connect(Edge.of(from, node.id()))));
    }

    public Command connect(Edge edge) {
        return new Connect(edge);
    }

    /** Deletes layers (with every wire touching them) and wires. */
    public Command delete(Collection<String> nodeIds, Collection<Edge> edges) {
        Set<Edge> wires = new LinkedHashSet<>(edges);
        for (String id : nodeIds) {
            wires.addAll(doc.edgesTouching(id));
        }
        List<Command> steps = new ArrayList<>();
        wires.forEach(e -> steps.add(new Disconnect(e)));
        nodeIds.forEach(id -> steps.add(new RemoveNode(id)));
        return new Batch("Delete " + what(nodeIds, edges), steps);
    }

    /** Moves layers to new top-left positions (one gesture, one step). */
    public Command move(Map<String, double[]> positions) {
        List<LayerNode> before = new ArrayList<>();
        List<LayerNode> after = new ArrayList<>();
        positions.forEach((id, xy) -> {
            LayerNode n = doc.node(id).orElseThrow();
            before.add(n);
            after.add(n.at(Math.round(xy[0]), Math.round(xy[1])));
        });
        return new ReplaceNodes("Move " + what(positions.keySet(), List.of()), before, after);
    }

    /** The same as a move, named for the auto-layout. */
    public Command layout(Map<String, double[]> positions) {
        ReplaceNodes move = (ReplaceNodes) move(positions);
        return new ReplaceNodes("Auto-layout", move.before(), move.after());
    }

    public Command setParam(String id, String param, Object value) {
        LayerNode n = doc.node(id).orElseThrow();
        String shown = value instanceof Boolean b ? (b ? "on" : "off") : String.valueOf(value);
        return new ReplaceNodes("Set " + id + " " + param + " to " + shown, List.of(n), List.of(n.withParam(param, value)));
    }

    /** Freezes a layer (it keeps its weights while training) or lets it train again, as one undo step. */
    public Command freeze(String id, boolean on) {
        LayerNode n = doc.node(id).orElseThrow();
        return new ReplaceNodes((on ? "Freeze " : "Unfreeze ") + id, List.of(n), List.of(n.withFrozen(on)));
    }

    /** New training settings as one undo step, e.g. "Set training: learning rate 0.01". */
    public Command training(dev.deepcanvas.runtime.document.TrainingSetup setup, String what) {
        var data = doc.data().orElse(null);
        return new dev.deepcanvas.designer.command.SetSetup("Set " + what, doc.training(), setup, data, data);
    }

    /** Binds a data set (or changes how it is read) as one undo step. */
    public Command data(dev.deepcanvas.runtime.document.DataBinding binding, String what) {
        return new dev.deepcanvas.designer.command.SetSetup(what, doc.training(), doc.training(), doc.data().orElse(null), binding);
    }

    /** Applies a diagnostic's one-click fix: several parameters of one layer. */
    public Command fix(String id, Map<String, Object> params) {
        LayerNode n = doc.node(id).orElseThrow();
        LayerNode fixed = n;
        for (var e : params.entrySet()) {
            fixed = fixed.withParam(e.getKey(), e.getValue());
        }
        return new ReplaceNodes("Fix " + id, List.of(n), List.of(fixed));
    }

    /** Adds copies of the fragment's layers under fresh ids, moved by (dx, dy), wired as before. */
    public Command paste(Fragment fragment, double dx, double dy, String verb) {
        IdAllocator ids = new IdAllocator(doc);
        Map<String, String> renamed = new HashMap<>();
        List<Command> steps = new ArrayList<>();
        List<LayerNode> added = new ArrayList<>();
        for (LayerNode n : fragment.nodes()) {
            String id = ids.fresh(n.kind());
            renamed.put(n.id(), id);
            LayerNode copy = n.withId(id).at(n.x() + dx, n.y() + dy);
            added.add(copy);
            steps.add(new AddNode(copy, "add"));
        }
        for (Edge e : fragment.edges()) {
            steps.add(new Connect(new Edge(renamed.get(e.from()), e.fromPort(), renamed.get(e.to()), e.toPort())));
        }
        String what = added.size() == 1 ? names.label(added.get(0)) : added.size() + " layers";
        return new Batch(verb + " " + what, steps);
    }

    /** "Dense 64", "3 layers", "wire dense_1 → dropout_1", "2 layers and 1 wire". */
    String what(Collection<String> nodeIds, Collection<Edge> edges) {
        String layers = nodeIds.size() == 1
                ? names.label(doc.node(nodeIds.iterator().next()).orElseThrow())
                : nodeIds.size() + " layers";
        if (edges.isEmpty()) {
            return layers;
        }
        String wires = edges.size() == 1
                ? "wire " + edges.iterator().next().from() + " → " + edges.iterator().next().to()
                : edges.size() + " wires";
        return nodeIds.isEmpty() ? wires : layers + " and " + (edges.size() == 1 ? "1 wire" : wires);
    }
}
