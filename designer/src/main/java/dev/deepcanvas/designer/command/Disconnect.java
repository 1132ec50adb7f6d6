package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.ArrayList;
import java.util.List;

/** Removes a wire; undo puts it back at its old place in the document's wire order. */
public final class Disconnect implements Command {

    private final Edge edge;
    private List<Edge> before;

    public Disconnect(Edge edge) {
        this.edge = edge;
    }

    public Edge edge() {
        return edge;
    }

    @Override
    public String description() {
        return "Disconnect " + edge.from() + " → " + edge.to();
    }

    @Override
    public void execute(NetworkDocument doc) {
        before = new ArrayList<>(doc.edges());
        doc.disconnect(edge);
    }

    @Override
    public void undo(NetworkDocument doc) {
        // Restore the original order: remove the wires after it, put it back, put them back.
        int at = before.indexOf(edge);
        List<Edge> after = before.subList(at + 1, before.size());
        for (Edge e : after) {
            doc.disconnect(e);
        }
        doc.connect(edge);
        for (Edge e : after) {
            doc.connect(e);
        }
    }
}
