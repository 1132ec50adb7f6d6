package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;

/**
 * Removes one layer that has no wires left (a delete batch removes them first); undo puts it back
 * at its old place in the document's order, so files stay the same after undo.
 */
public final class RemoveNode implements Command {

    private final String id;
    private LayerNode removed;
    private int index;

    public RemoveNode(String id) {
        this.id = id;
    }

    @Override
    public String description() {
        return "Remove " + id;
    }

    @Override
    public void execute(NetworkDocument doc) {
        if (!doc.edgesTouching(id).isEmpty()) {
            throw new IllegalStateException(id + " still has wires");
        }
        index = doc.indexOf(id);
        removed = doc.remove(id);
    }

    @Override
    public void undo(NetworkDocument doc) {
        doc.insert(index, removed);
    }
}
