package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits a {@link TabularEncoding} on the training rows only: means, spreads, ranges, categories
 * and fill values never see the validation or test rows, so their scores stay honest.
 */
final class EncodingFitter {

    /** A categorical column with more values than this, most of them unique, is probably an identifier. */
    static final int MANY_CATEGORIES = 50;

    private final TableScan scan;
    private final MissingValues missing;
    private final Normalization normalization;
    private final List<String> warnings;

    /** @param warnings where to say that a column is constant */
    EncodingFitter(TableScan scan, MissingValues missing, Normalization normalization, List<String> warnings) {
        this.scan = scan;
        this.missing = missing;
        this.normalization = normalization;
        this.warnings = warnings;
    }

    /** @param train the scan rows of the training split */
    TabularEncoding fit(List<Feature> features, String label, int[] train) {
        List<ColumnEncoding> columns = new ArrayList<>();
        for (Feature f : features) {
            columns.add(f.type() == ColumnType.NUMERIC
                    ? numeric(f.name(), scan.column(f.column()).values(), train)
                    : categorical(f.name(), scan.texts(f.column()), train));
        }
        return new TabularEncoding(columns, label, missing, normalization);
    }

    private NumericEncoding numeric(String name, double[] values, int[] train) {
        int n = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r : train) {
            double v = values[r];
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        // Second pass for the spread: subtracting the mean first keeps large values accurate.
        double squares = 0;
        for (int r : train) {
            double v = values[r];
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double std = n == 0 ? 0 : Math.sqrt(squares / n);
        boolean constant = n == 0 || max == min;
        if (constant) {
            warnings.add("column '" + name + "' is constant: it carries no information");
        }
        double fill = missing == MissingValues.FILL ? mean : Double.NaN;
        return switch (normalization) {
            case STANDARDIZE -> new NumericEncoding(name, mean, std == 0 ? 1 : std, fill);
            case MINMAX -> new NumericEncoding(name, n == 0 ? 0 : min, constant ? 1 : max - min, fill);
            case NONE -> new NumericEncoding(name, 0, 1, fill);
        };
    }

    private CategoricalEncoding categorical(String name, String[] texts, int[] train) {
        Map<String, Integer> counts = new HashMap<>();
        for (int r : train) {
            if (texts[r] != null) {
                counts.merge(texts[r], 1, Integer::sum);
            }
        }
        List<String> categories = Categories.sorted(counts.keySet());
        if (categories.size() <= 1) {
            warnings.add("column '" + name + "' is constant: it carries no information");
        } else if (categories.size() > MANY_CATEGORIES && categories.size() > train.length / 2) {
            warnings.add(String.format("column '%s' has %d different values in %d training rows: it looks like an "
                    + "identifier, not a category, and adds one input per value; ignore it", name, categories.size(), train.length));
        }
        // The most frequent category; on a tie the first in order, so the choice is repeatable.
        String mode = null;
        for (String c : categories) {
            if (mode == null || counts.get(c) > counts.get(mode)) {
                mode = c;
            }
        }
        return new CategoricalEncoding(name, categories, missing == MissingValues.FILL ? mode : null);
    }
}
