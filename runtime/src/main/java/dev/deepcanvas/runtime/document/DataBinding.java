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
        Augmentation augmentation) {

    public enum Format { CSV, IMAGES }

    public enum TaskChoice { AUTO, CLASSIFICATION, REGRESSION }

    /** What to do with a row that has an empty, NA or NaN value. */
    public enum MissingValues {
        /** Leave the row out. */
        DROP,
        /** Use the training split's mean (numbers) or most frequent value (categories). */
        FILL
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

    public DataBinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        ignore = List.copyOf(ignore);
        categorical = List.copyOf(categorical);
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** A CSV file with every choice automatic: 70 / 15 / 15 split, standardised, rows with gaps dropped. */
    public static DataBinding csv(String path) {
        return new DataBinding(path, Format.CSV, null, List.of(), List.of(), TaskChoice.AUTO, MissingValues.DROP,
                Normalization.STANDARDIZE, 0.7, 0.15, 0.15, Augmentation.NONE);
    }

    /** A folder with one sub-folder per class: 70 / 15 / 15 split, pixels scaled to 0..1. */
    public static DataBinding images(String path) {
        return new DataBinding(path, Format.IMAGES, null, List.of(), List.of(), TaskChoice.CLASSIFICATION, MissingValues.DROP,
                Normalization.NONE, 0.7, 0.15, 0.15, Augmentation.NONE);
    }

    public DataBinding withPath(String newPath) {
        return new DataBinding(newPath, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withLabel(String column) {
        return new DataBinding(path, format, column, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withSplit(double train, double validation, double test) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                train, validation, test, augmentation);
    }

    public DataBinding withMissing(MissingValues policy) {
        return new DataBinding(path, format, label, ignore, categorical, task, policy, normalization,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withNormalization(Normalization n) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, n,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withTask(TaskChoice t) {
        return new DataBinding(path, format, label, ignore, categorical, t, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withColumns(List<String> ignored, List<String> categoricalColumns) {
        return new DataBinding(path, format, label, ignored, categoricalColumns, task, missing, normalization,
                trainFraction, validationFraction, testFraction, augmentation);
    }

    public DataBinding withAugmentation(Augmentation a) {
        return new DataBinding(path, format, label, ignore, categorical, task, missing, normalization,
                trainFraction, validationFraction, testFraction, a);
    }
}
