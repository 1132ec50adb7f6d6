package dev.deepcanvas.runtime.document;

import java.util.List;
import java.util.Objects;

/**
 * The project's data and how to prepare it, so that a project file alone reproduces a run. The
 * path is kept relative to the project file (with '/' separators). The seed of the split and of
 * the shuffling is the training seed.
 *
 * @param label the CSV column to predict; null picks one (a column named label, target, class,
 *     species, diagnosis, ..., else the last one)
 * @param ignore CSV columns left out of the features
 * @param categorical CSV columns one-hot encoded even if they look numeric
 * @param task classification or regression; AUTO decides from the label column
 * @param text how a text column becomes token ids ({@link Format#TEXT})
 * @param series how rows in time order become windows ({@link Format#TIMESERIES})
 */
public record DataBinding(
        String path,
        Format format,
        String label,
        List<String> ignore,
        List<String> categorical,
        TaskChoice task,
        MissingValues missing,
        Normalization normalization,
        double trainFraction,
        double validationFraction,
        double testFraction,
        Augmentation augmentation,
        Text text,
        Series series) {

    /**
     * CSV: one example per row. IMAGES: a folder with one sub-folder per class. TEXT: a CSV with a
     * text column and a label. TIMESERIES: a CSV of rows in time order, cut into windows.
     * SEQUENCES: a folder with one sub-folder per class, one CSV per sequence (a row per step).
     */
    public enum Format { CSV, IMAGES, TEXT, TIMESERIES, SEQUENCES }

    public enum TaskChoice { AUTO, CLASSIFICATION, REGRESSION }

    /** What to do with a row that has an empty, NA or NaN value. */
    public enum MissingValues {
        /** Leave the row out (a time series: leave out every window that touches it). */
        DROP,
        /** Use the training split's mean (numbers) or most frequent value (categories). */
        FILL,
        /** Time series: repeat the last value seen before the gap. */
        FORWARD,
        /** Time series: draw a straight line between the values either side of the gap. */
        INTERPOLATE
    }

    public enum Normalization { STANDARDIZE, MINMAX, NONE }

    /**
     * Random changes to training images only, drawn anew each epoch.
     *
     * @param flip mirror left-right with probability 1/2 (wrong for digits and text)
     * @param rotation largest rotation in degrees either way
     * @param shift largest shift in pixels in each direction
     */
    public record Augmentation(boolean flip, double rotation, int shift) {
        public static final Augmentation NONE = new Augmentation(false, 0, 0);

        public boolean any() {
            return flip || rotation > 0 || shift > 0;
        }
    }

    /**
     * How text becomes token ids.
     *
     * @param columns the text columns, joined with a space in this order; empty picks the column
     *     with the longest texts
     * @param tokens words (lower-cased, split on anything but letters and digits) or characters
     * @param vocabulary the most tokens kept, counting the two reserved ids (padding, unknown)
     * @param minCount a token seen fewer times than this in the training split is unknown
     * @param maxLength longer texts are cut to their first maxLength tokens; shorter ones padded
     */
    public record Text(List<String> columns, Tokens tokens, int vocabulary, int minCount, int maxLength) {
        public static final Text DEFAULT = new Text(List.of(), Tokens.WORDS, 10_000, 2, 100);

        public enum Tokens { WORDS, CHARACTERS }

        public Text {
            columns = List.copyOf(columns);
            Objects.requireNonNull(tokens, "tokens");
        }
    }

    /**
     * How rows in time order become examples: each window of {@code window} rows predicts the
     * label {@code horizon} rows after its last row (0: the label of its last row, e.g. a class).
     *
     * @param differencing forecast the change since the window's last row instead of the level
     *     (the target column then enters the window as step-to-step changes too)
     */
    public record Series(int window, int horizon, boolean differencing) {
        public static final Series DEFAULT = new Series(7, 1, false);
    }

    public DataBinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        ignore = List.copyOf(ignore);
        categorical = List.copyOf(categorical);
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(augmentation, "augmentation");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(series, "series");
    }

    /** A CSV file with every choice automatic: 70 / 15 / 15 split, standardised, rows with gaps dropped. */
    public static DataBinding csv(String path) {
        return of(path, Format.CSV);
    }

    /** A folder with one sub-folder per class: 70 / 15 / 15 split, pixels scaled to 0..1. */
    public static DataBinding images(String path) {
        return new DataBinding(path, Format.IMAGES, null, List.of(), List.of(), TaskChoice.CLASSIFICATION, MissingValues.DROP,
                Normalization.NONE, 0.7, 0.15, 0.15, Augmentation.NONE, Text.DEFAULT, Series.DEFAULT);
    }

    /** Data of any format with the format's defaults. */
    public static DataBinding of(String path, Format format) {
        return switch (format) {
            case IMAGES -> images(path);
            case TEXT, SEQUENCES -> new DataBinding(path, format, null, List.of(), List.of(), TaskChoice.CLASSIFICATION,
                    MissingValues.DROP, Normalization.STANDARDIZE, 0.7, 0.15, 0.15, Augmentation.NONE, Text.DEFAULT, Series.DEFAULT);
            case TIMESERIES -> new DataBinding(path, format, null, List.of(), List.of(), TaskChoice.REGRESSION,
                    MissingValues.INTERPOLATE, Normalization.STANDARDIZE, 0.7, 0.15, 0.15, Augmentation.NONE, Text.DEFAULT, Series.DEFAULT);
            case CSV -> new DataBinding(path, Format.CSV, null, List.of(), List.of(), TaskChoice.AUTO, MissingValues.DROP,
                    Normalization.STANDARDIZE, 0.7, 0.15, 0.15, Augmentation.NONE, Text.DEFAULT, Series.DEFAULT);
        };
    }

    /** True for the formats read from a folder. */
    public boolean isFolder() {
        return format == Format.IMAGES || format == Format.SEQUENCES;
    }

    /** True for the formats whose examples are sequences. */
    public boolean isSequential() {
        return format == Format.TEXT || format == Format.TIMESERIES || format == Format.SEQUENCES;
    }

    /** The same data read as another format, keeping the choices the formats share. */
    public DataBinding withFormat(Format f) {
        DataBinding d = of(path, f);
        return new DataBinding(path, f, label, ignore, categorical, d.task, d.missing, d.normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withPath(String newPath) {
        return new DataBinding(newPath, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withLabel(String column) {
        return new DataBinding(path, format, column, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withSplit(double train, double validation, double test) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                train, validation, test, augmentation, text, series);
    }

    public DataBinding withMissing(MissingValues policy) {
        return new DataBinding(path, format, label, ignore, categorical, task, policy, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withNormalization(Normalization n) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, n,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withTask(TaskChoice t) {
        return new DataBinding(path, format, label, ignore, categorical, t, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withColumns(List<String> ignored, List<String> categoricalColumns) {
        return new DataBinding(path, format, label, ignored, categoricalColumns, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, series);
    }

    public DataBinding withAugmentation(Augmentation a) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, a, text, series);
    }

    public DataBinding withText(Text t) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, t, series);
    }

    public DataBinding withSeries(Series s) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation, text, s);
    }
}
