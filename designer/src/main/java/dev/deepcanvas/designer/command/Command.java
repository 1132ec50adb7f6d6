package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.NetworkDocument;

/**
 * One edit of a document, small and reversible. {@link #execute} and {@link #undo} must each leave
 * the document exactly as the other found it, so the undo manager can replay them in any order
 * along its two stacks. Commands never push other commands.
 */
public interface Command {

    /** What the Edit menu says, e.g. "Delete Dense 64" (shown as "Undo Delete Dense 64"). */
    String description();

    void execute(NetworkDocument doc);

    void undo(NetworkDocument doc);
}
