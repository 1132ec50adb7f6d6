package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.List;

/**
 * Replaces layers by new versions with the same ids: a move, a layout or a parameter change. Keeps
 * the old versions for undo.
 */
public record ReplaceNodes(String description, List<LayerNode> before, List<LayerNode> after) implements Command {

    public ReplaceNodes {
        before = List.copyOf(before);
        after = List.copyOf(after);
        if (before.size() != after.size()) {
            throw new IllegalArgumentException("before and after differ in size");
        }
    }

    @Override
    public void execute(NetworkDocument doc) {
        after.forEach(doc::replace);
    }

    @Override
    public void undo(NetworkDocument doc) {
        before.forEach(doc::replace);
    }
}
