package dev.deepcanvas.designer.command;

import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;

/**
 * Replaces the document's training settings and data binding (either may stay as it was): "Set
 * learning rate", "Bind iris.csv". The old values are kept for undo.
 */
public final class SetSetup implements Command {

    private final String description;
    private final TrainingSetup beforeTraining;
    private final TrainingSetup afterTraining;
    private final DataBinding beforeData;
    private final DataBinding afterData;

    public SetSetup(String description, TrainingSetup beforeTraining, TrainingSetup afterTraining, DataBinding beforeData,
            DataBinding afterData) {
        this.description = description;
        this.beforeTraining = beforeTraining;
        this.afterTraining = afterTraining;
        this.beforeData = beforeData;
        this.afterData = afterData;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void execute(NetworkDocument doc) {
        doc.setTraining(afterTraining);
        doc.setData(afterData);
    }

    @Override
    public void undo(NetworkDocument doc) {
        doc.setTraining(beforeTraining);
        doc.setData(beforeData);
    }
}
