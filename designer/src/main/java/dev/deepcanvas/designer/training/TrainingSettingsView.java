package dev.deepcanvas.designer.training;

import dev.deepcanvas.designer.model.DesignerModel;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import java.util.Locale;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/**
 * The document's training settings as a small form: optimiser, learning rate, batch size, epochs,
 * seed and early stopping. Each change is one undo step; a value out of range is refused with the
 * reason in the status bar and the field shows the document's value again.
 */
public final class TrainingSettingsView extends GridPane {

    private final DesignerModel model;
    private final ComboBox<Optimizer> optimizer = new ComboBox<>();
    private final TextField learningRate = field("training-lr");
    private final TextField batchSize = field("training-batch");
    private final TextField epochs = field("training-epochs");
    private final TextField seed = field("training-seed");
    private final TextField patience = field("training-patience");

    public TrainingSettingsView(DesignerModel model) {
        this.model = model;
        getStyleClass().add("training-settings");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(8));
        optimizer.getItems().setAll(Optimizer.values());
        optimizer.setId("training-optimizer");
        optimizer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Optimizer o) {
                return o == null ? "" : o.fileName();
            }

            @Override
            public Optimizer fromString(String s) {
                return Optimizer.fromFileName(s);
            }
        });
        optimizer.setOnAction(e -> {
            Optimizer o = optimizer.getValue();
            TrainingSetup t = model.document().training();
            if (o != null && o != t.optimizer()) {
                model.execute(model.edits().training(t.toBuilder().optimizer(o, t.learningRate()).build(), "optimiser " + o.fileName()));
            }
        });
        row(0, "Optimiser", optimizer, "Learning rate", learningRate);
        row(1, "Batch size", batchSize, "Epochs", epochs);
        row(2, "Seed", seed, "Early stop after", patience);
        commit(learningRate, "learning rate", s -> {
            double v = Double.parseDouble(s);
            if (!(v > 0 && v <= 10)) {
                throw new IllegalArgumentException("The learning rate must be above 0 and at most 10.");
            }
            TrainingSetup t = model.document().training();
            return t.toBuilder().optimizer(t.optimizer(), v).build();
        });
        commit(batchSize, "batch size", s -> model.document().training().toBuilder().batchSize(positive(s, "The batch size", 1_000_000)).build());
        commit(epochs, "epochs", s -> model.document().training().toBuilder().epochs(positive(s, "The number of epochs", 100_000)).build());
        commit(seed, "seed", s -> model.document().training().toBuilder().seed(Long.parseLong(s.trim())).build());
        commit(patience, "early stopping", s -> {
            int p = Integer.parseInt(s.trim());
            if (p < 0) {
                throw new IllegalArgumentException("Early stopping needs 0 (off) or more epochs without improvement.");
            }
            return model.document().training().toBuilder().earlyStopping(p, p > 0).build();
        });
        patience.setPromptText("0 = off");
        patience.setTooltip(new javafx.scene.control.Tooltip("Epochs without a better validation loss before training stops (0 = never); the best weights are kept."));
        model.revisionProperty().addListener((o, a, b) -> show());
        show();
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        return f;
    }

    private void row(int r, String a, javafx.scene.Node fa, String b, javafx.scene.Node fb) {
        add(new Label(a), 0, r);
        add(fa, 1, r);
        add(new Label(b), 2, r);
        add(fb, 3, r);
    }

    private static int positive(String s, String what, int max) {
        int v = Integer.parseInt(s.trim());
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(what + " must be between 1 and " + String.format("%,d", max) + ".");
        }
        return v;
    }

    private void commit(TextField field, String what, Function<String, TrainingSetup> parse) {
        Runnable apply = () -> {
            TrainingSetup next;
            try {
                next = parse.apply(field.getText());
            } catch (NumberFormatException e) {
                model.setMessage("\"" + field.getText() + "\" is not a number; " + what + " unchanged.");
                show();
                return;
            } catch (IllegalArgumentException e) {
                model.setMessage(e.getMessage());
                show();
                return;
            }
            if (!next.equals(model.document().training())) {
                model.execute(model.edits().training(next, what + " " + field.getText().trim()));
            }
        };
        field.setOnAction(e -> apply.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                apply.run();
            }
        });
    }

    private void show() {
        TrainingSetup t = model.document().training();
        optimizer.setValue(t.optimizer());
        learningRate.setText(String.format(Locale.ROOT, "%s", t.learningRate()));
        batchSize.setText(Integer.toString(t.batchSize()));
        epochs.setText(Integer.toString(t.epochs()));
        seed.setText(Long.toString(t.seed()));
        patience.setText(Integer.toString(t.patience()));
    }
}
