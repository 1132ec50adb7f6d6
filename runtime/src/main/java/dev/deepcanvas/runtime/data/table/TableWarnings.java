package dev.deepcanvas.runtime.data.table;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Things about prepared data that do not stop training but that a user should hear about. */
final class TableWarnings {

    /** A class with fewer rows than this share is easy for a network to ignore. */
    static final double RARE_CLASS_SHARE = 0.05;
    /** Fewer validation rows than this make validation scores jump from epoch to epoch. */
    static final int SMALL_VALIDATION = 10;

    private TableWarnings() {}

    /** Feature columns equal to the label on every row: they give the answer away. */
    static void identicalToLabel(List<Feature> features, TableScan scan, LabelColumn label, int[] rows, List<String> warnings) {
        for (Feature f : features) {
            boolean identical;
            if (f.type() == ColumnType.NUMERIC && label.numbersOrNull() != null) {
                identical = sameNumbers(scan.column(f.column()).values(), label.numbersOrNull(), rows);
            } else if (f.type() == ColumnType.CATEGORICAL && label.textsOrNull() != null) {
                identical = sameTexts(scan.texts(f.column()), label.textsOrNull(), rows);
            } else {
                identical = false; // one holds numbers, the other text
            }
            if (identical) {
                warnings.add("column '" + f.name() + "' is identical to the label '" + label.name()
                        + "': it gives the answer away; ignore it");
            }
        }
    }

    private static boolean sameNumbers(double[] a, double[] b, int[] rows) {
        for (int r : rows) {
            if (Double.compare(a[r], b[r]) != 0 && !(a[r] == b[r])) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameTexts(String[] a, String[] b, int[] rows) {
        for (int r : rows) {
            if (!Objects.equals(a[r], b[r])) {
                return false;
            }
        }
        return true;
    }

    /** @param classOf the class of each row used for training, validation or test */
    static void rareClasses(List<String> classNames, int[] classOf, List<String> warnings) {
        int[] counts = new int[classNames.size()];
        for (int c : classOf) {
            counts[c]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < RARE_CLASS_SHARE * classOf.length) {
                warnings.add(String.format(Locale.ROOT,
                        "class '%s' has only %d of the %d rows (%.1f %%): the network may learn to ignore it",
                        classNames.get(c), counts[c], classOf.length, 100.0 * counts[c] / classOf.length));
            }
        }
    }

    static void smallValidation(double fraction, int rows, List<String> warnings) {
        if (fraction > 0 && rows < SMALL_VALIDATION) {
            warnings.add("the validation split has only " + rows + " rows: its scores will be noisy");
        }
    }
}
