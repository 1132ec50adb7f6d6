package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;

/** Adds a layer at the end of the document (undo removes it). */
public record AddNode(LayerNode node, String description) implements Command {

    @Override
    public void execute(NetworkDocument doc) {
        if (doc.indexOf(node.id()) >= 0) {
            throw new IllegalStateException("a layer with id " + node.id() + " exists");
        }
        doc.add(node);
    }

    @Override
    public void undo(NetworkDocument doc) {
        doc.remove(node.id());
    }
}
