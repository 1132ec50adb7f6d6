package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several commands that form one user step under one name: executed in order, undone in reverse.
 * "Delete Dense 64" is a batch of its wire removals and the node removal.
 */
public final class Batch implements Command {

    private final String description;
    private final List<Command> steps;

    public Batch(String description, List<? extends Command> steps) {
        this.description = Objects.requireNonNull(description, "description");
        this.steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void execute(NetworkDocument doc) {
        List<Command> done = new ArrayList<>();
        try {
            for (Command step : steps) {
                step.execute(doc);
                done.add(step);
            }
        } catch (RuntimeException e) {
            // Leave the document as it was before the batch, then report.
            for (int i = done.size() - 1; i >= 0; i--) {
                done.get(i).undo(doc);
            }
            throw e;
        }
    }

    @Override
    public void undo(NetworkDocument doc) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            steps.get(i).undo(doc);
        }
    }
}
