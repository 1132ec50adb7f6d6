package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.NetworkDocument;

/** Adds a wire. */
public record Connect(Edge edge) implements Command {

    @Override
    public String description() {
        return "Connect " + edge.from() + " → " + edge.to();
    }

    @Override
    public void execute(NetworkDocument doc) {
        doc.connect(edge);
    }

    @Override
    public void undo(NetworkDocument doc) {
        doc.disconnect(edge);
    }
}
