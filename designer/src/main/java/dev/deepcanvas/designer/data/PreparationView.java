package dev.deepcanvas.designer.data;

import dev.deepcanvas.runtime.document.DataBinding.Augmentation;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import dev.deepcanvas.runtime.document.DataBinding.TaskChoice;
import dev.deepcanvas.runtime.document.DataBinding.Text.Tokens;
import dev.deepcanvas.runtime.document.DataBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * How the data becomes examples: for a CSV file the task, what happens to missing values and how
 * features are scaled; for text the tokeniser, vocabulary and length; for a time series the window,
 * horizon, differencing and gaps; for images the random changes made to training images. Each
 * change is one undoable edit of the project's data binding; the fitted values come from the
 * training split only.
 */
final class PreparationView extends GridPane {

    static final int MAX_ROTATION = 45;
    static final int MAX_SHIFT = 8;

    private final ComboBox<TaskChoice> task = choice("data-task", Map.of(
            TaskChoice.AUTO, "Automatic (from the label column)",
            TaskChoice.CLASSIFICATION, "Classification (one class per value)",
            TaskChoice.REGRESSION, "Regression (predict the number)"));
    private final ComboBox<MissingValues> missing = choice("data-missing", Map.of(
            MissingValues.DROP, "Leave the row out",
            MissingValues.FILL, "Fill in (training mean or most frequent value)",
            MissingValues.FORWARD, "Repeat the last known value",
            MissingValues.INTERPOLATE, "Interpolate between the known values"));
    private final ComboBox<Tokens> tokens = choice("data-tokens", Map.of(
            Tokens.WORDS, "Words (lower-cased; numbers whole)",
            Tokens.CHARACTERS, "Characters"));
    private final Spinner<Integer> vocabulary = spinner("data-vocabulary", 10, 10_000_000, 1000);
    private final Spinner<Integer> minCount = spinner("data-min-count", 1, 10_000, 1);
    private final Spinner<Integer> maxLength = spinner("data-max-length", 1, 100_000, 10);
    private final Spinner<Integer> window = spinner("data-window", 1, 100_000, 1);
    private final Spinner<Integer> horizon = spinner("data-horizon", 1, 100_000, 1);
    private final CheckBox differencing = new CheckBox("Forecast the change from the last step");
    private final ComboBox<Normalization> normalization = choice("data-normalization", Map.of(
            Normalization.STANDARDIZE, "Standardise (mean 0, spread 1)",
            Normalization.MINMAX, "Min-max (0 to 1)",
            Normalization.NONE, "None (use the numbers as they are)"));
    private final CheckBox flip = new CheckBox("Mirror left-right at random");
    private final Spinner<Integer> rotation = new Spinner<>(0, MAX_ROTATION, 0, 5);
    private final Spinner<Integer> shift = new Spinner<>(0, MAX_SHIFT, 0, 1);
    /** True while the controls are set from the document, so that this is not taken for a user's edit. */
    private boolean showing;
    /** What the controls show; the panel refreshes on every edit of the network, most of which leave it as it is. */
    private DataBinding shown;

    /** @param edit applies a change to the project's data binding, named for the undo menu */
    PreparationView(BiConsumer<UnaryOperator<DataBinding>, String> edit) {
        setId("data-preparation");
        setHgap(10);
        setVgap(6);
        task.setOnAction(e -> changed(edit, b -> b.withTask(task.getValue()), "Set task"));
        missing.setOnAction(e -> changed(edit, b -> b.withMissing(missing.getValue()), "Set missing values"));
        normalization.setOnAction(e -> changed(edit, b -> b.withNormalization(normalization.getValue()), "Set normalisation"));
        flip.setId("data-flip");
        flip.setOnAction(e -> changed(edit, b -> b.withAugmentation(augmentation()), flip.isSelected() ? "Mirror images" : "Stop mirroring images"));
        rotation.setId("data-rotation");
        shift.setId("data-shift");
        rotation.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withAugmentation(augmentation()), "Set rotation"));
        shift.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withAugmentation(augmentation()), "Set shift"));
        tip(flip, "Wrong for digits and text, where a mirrored image means something else.");
        tip(rotation, "The largest rotation, in degrees either way, drawn anew each epoch for training images only.");
        tip(shift, "The largest shift, in pixels in each direction, drawn anew each epoch for training images only.");
        tip(normalization, "Fitted on the training split only, and saved with the model.");
        tokens.setOnAction(e -> changed(edit, b -> b.withText(text(b)), "Set tokens"));
        vocabulary.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withText(text(b)), "Set vocabulary size"));
        minCount.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withText(text(b)), "Set minimum count"));
        maxLength.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withText(text(b)), "Set maximum length"));
        window.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withSeries(series()), "Set window"));
        horizon.valueProperty().addListener((o, a, v) -> changed(edit, b -> b.withSeries(series()), "Set horizon"));
        differencing.setId("data-differencing");
        differencing.setOnAction(e -> changed(edit, b -> b.withSeries(series()),
                differencing.isSelected() ? "Forecast the change" : "Forecast the level"));
        tip(vocabulary, "The most frequent tokens of the training texts get an id; the rest become 'unknown'. Two ids are reserved (padding, unknown).");
        tip(minCount, "A token seen fewer times than this in the training texts is 'unknown'.");
        tip(maxLength, "Longer texts are cut, shorter ones padded; padding is masked, so it never counts.");
        tip(window, "How many consecutive rows the network reads for one forecast.");
        tip(horizon, "How many rows after the window's last row the forecast is for (1: the next row).");
        tip(differencing, "Predict how much the target changes from the window's last row instead of its level: "
                + "needed when the series trends beyond the values seen in training.");
    }

    /** Shows the choices of {@code binding}: the table ones for a CSV file, augmentation for images. */
    void show(DataBinding binding) {
        if (binding.equals(shown)) {
            return;
        }
        shown = binding;
        showing = true;
        try {
            getChildren().clear();
            switch (binding.format()) {
                case CSV -> {
                    task.setValue(binding.task());
                    missingChoices(binding, MissingValues.DROP, MissingValues.FILL);
                    normalization.setValue(binding.normalization());
                    row(0, "Task", task);
                    row(1, "Missing values", missing);
                    row(2, "Normalisation", normalization);
                }
                case TEXT -> {
                    DataBinding.Text t = binding.text();
                    tokens.setValue(t.tokens());
                    vocabulary.getValueFactory().setValue(t.vocabulary());
                    minCount.getValueFactory().setValue(t.minCount());
                    maxLength.getValueFactory().setValue(t.maxLength());
                    row(0, "Tokens", tokens);
                    row(1, "Vocabulary size", vocabulary);
                    row(2, "Minimum count", minCount);
                    row(3, "Maximum length", maxLength);
                }
                case TIMESERIES -> {
                    DataBinding.Series ts = binding.series();
                    window.getValueFactory().setValue(ts.window());
                    horizon.getValueFactory().setValue(ts.horizon());
                    differencing.setSelected(ts.differencing());
                    missingChoices(binding, MissingValues.DROP, MissingValues.FORWARD, MissingValues.INTERPOLATE);
                    normalization.setValue(binding.normalization());
                    row(0, "Window (rows)", window);
                    row(1, "Horizon (rows ahead)", horizon);
                    row(2, "Target", differencing);
                    row(3, "Missing values", missing);
                    row(4, "Normalisation", normalization);
                }
                case SEQUENCES -> {
                    normalization.setValue(binding.normalization());
                    row(0, "Normalisation", normalization);
                }
                case IMAGES -> showAugmentation(binding);
            }
        } finally {
            showing = false;
        }
    }

    /** Offers the gap policies that make sense for the format; a stored one outside them stays shown. */
    private void missingChoices(DataBinding binding, MissingValues... offered) {
        List<MissingValues> items = new ArrayList<>(List.of(offered));
        if (!items.contains(binding.missing())) {
            items.add(binding.missing());
        }
        missing.getItems().setAll(items);
        missing.setValue(binding.missing());
    }

    private void showAugmentation(DataBinding binding) {
        Augmentation a = binding.augmentation();
        flip.setSelected(a.flip());
        rotation.getValueFactory().setValue((int) Math.round(a.rotation()));
        shift.getValueFactory().setValue(a.shift());
        row(0, "Augmentation", flip);
        row(1, "Rotate up to (°)", rotation);
        row(2, "Shift up to (pixels)", shift);
    }

    private DataBinding.Text text(DataBinding b) {
        return new DataBinding.Text(b.text().columns(), tokens.getValue(), vocabulary.getValue(), minCount.getValue(), maxLength.getValue());
    }

    private DataBinding.Series series() {
        return new DataBinding.Series(window.getValue(), horizon.getValue(), differencing.isSelected());
    }

    private static Spinner<Integer> spinner(String id, int min, int max, int step) {
        Spinner<Integer> s = new Spinner<>(min, max, min, step);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(130);
        // A typed number counts when the field loses the focus, not only on Enter.
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                s.increment(0);
            }
        });
        return s;
    }

    private Augmentation augmentation() {
        return new Augmentation(flip.isSelected(), rotation.getValue(), shift.getValue());
    }

    private void changed(BiConsumer<UnaryOperator<DataBinding>, String> edit, UnaryOperator<DataBinding> change, String name) {
        if (!showing) {
            edit.accept(change, name);
        }
    }

    private void row(int at, String name, Node control) {
        Label label = new Label(name);
        label.setMinWidth(Label.USE_PREF_SIZE);
        if (control instanceof ComboBox<?> box) {
            box.setMaxWidth(Double.MAX_VALUE); // the choices line up as one column
        }
        addRow(at, label, control);
    }

    private static void tip(Control control, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        control.setTooltip(tip);
    }

    private static <E extends Enum<E>> ComboBox<E> choice(String id, Map<E, String> names) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        E any = names.keySet().iterator().next();
        box.getItems().setAll(any.getDeclaringClass().getEnumConstants());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : names.get(value);
            }

            @Override
            public E fromString(String text) {
                return names.entrySet().stream().filter(e -> e.getValue().equals(text)).map(Map.Entry::getKey).findFirst().orElse(null);
            }
        });
        return box;
    }
}
