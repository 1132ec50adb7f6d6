package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs every edit of one document and keeps them on two stacks, so each can be undone and redone.
 * The dirty flag comes from here: the document is unsaved when the undo stack is not where it was
 * at the last save. A command that tries to push another while it runs is refused.
 */
public final class UndoManager {

    /** Stack depth that the saved point has when it can no longer be reached. */
    private static final int UNREACHABLE = -1;

    private final NetworkDocument doc;
    private final Deque<Command> undo = new ArrayDeque<>();
    private final Deque<Command> redo = new ArrayDeque<>();
    private int savedDepth;
    private boolean running;

    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    public UndoManager(NetworkDocument doc) {
        this.doc = Objects.requireNonNull(doc, "doc");
    }

    public NetworkDocument document() {
        return doc;
    }

    /** Runs a command and makes it the next one to undo; drops everything that could be redone. */
    public void execute(Command command) {
        run(() -> command.execute(doc));
        undo.push(command);
        if (savedDepth > undo.size() - 1) {
            savedDepth = UNREACHABLE; // the saved state was on the redo stack, now gone
        }
        redo.clear();
        update();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Command c = undo.peek();
        run(() -> c.undo(doc));
        redo.push(undo.pop());
        update();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Command c = redo.peek();
        run(() -> c.execute(doc));
        undo.push(redo.pop());
        update();
    }

    /** Forgets the history (a new or opened document); the document counts as saved. */
    public void clear() {
        if (running) {
            throw new IllegalStateException("a command may not clear the history");
        }
        undo.clear();
        redo.clear();
        savedDepth = 0;
        update();
    }

    /** The document was saved as it is now. */
    public void markSaved() {
        savedDepth = undo.size();
        update();
    }

    /** The document differs from every saved file (e.g. recovered after a crash). */
    public void markNeverSaved() {
        savedDepth = UNREACHABLE;
        update();
    }

    public int undoDepth() {
        return undo.size();
    }

    private void run(Runnable action) {
        if (running) {
            throw new IllegalStateException("a command may not run another command");
        }
        running = true;
        try {
            action.run();
        } finally {
            running = false;
        }
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoName.set(undo.isEmpty() ? "" : undo.peek().description());
        redoName.set(redo.isEmpty() ? "" : redo.peek().description());
        dirty.set(savedDepth != undo.size());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The description of the command Undo would revert, or "" when there is none. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }

    /** True when the document has changes that are not saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }
}
