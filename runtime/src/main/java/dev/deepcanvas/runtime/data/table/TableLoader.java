package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.StratifiedSplit;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares a CSV file for training as the project's {@link DataBinding} says: picks the label and
 * feature columns, settles each column's type and the task, drops or fills missing values, splits
 * the rows (stratified, seeded), fits the encoding on the training rows and encodes every split.
 *
 * <p>Anything wrong with the file is a {@link DataException} that names the file, line, column and
 * value, so the user can find it in a spreadsheet.
 */
public final class TableLoader {

    /** The most values a Java array holds. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    private TableLoader() {}

    /**
     * @param csv the data file (the binding's own path is the project's business, not read here)
     * @param seed the training seed; the same seed gives the same split
     */
    public static PreparedData prepare(Path csv, DataBinding binding, long seed) throws DataException, IOException {
        if (binding.format() != DataBinding.Format.CSV) {
            throw new IllegalArgumentException("TableLoader reads CSV files, but the binding is for " + binding.format());
        }
        CsvSource source = CsvSource.open(csv);
        String file = source.fileName();
        List<String> names = source.columns();
        ColumnRoles roles = ColumnRoles.choose(file, names, binding);
        TableScan scan = TableScan.read(source, roles.used(names.size()));
        if (scan.rowCount() == 0) {
            throw new DataException(file, "the file has a header but no data rows");
        }
        List<String> warnings = new ArrayList<>();

        List<Feature> features = features(file, names, roles, scan, warnings);
        int labelIndex = roles.label();
        ColumnType labelType = ColumnTyping.decide(file, names.get(labelIndex), scan.column(labelIndex),
                roles.categorical().contains(labelIndex));
        List<Integer> textColumns = new ArrayList<>();
        features.stream().filter(f -> f.type() == ColumnType.CATEGORICAL).forEach(f -> textColumns.add(f.column()));
        if (labelType == ColumnType.CATEGORICAL) {
            textColumns.add(labelIndex);
        }
        scan.loadTexts(textColumns);
        LabelColumn label = LabelColumn.of(file, names.get(labelIndex), labelType, scan.column(labelIndex),
                scan.texts(labelIndex), binding.task());

        int[] kept = keptRows(scan, features, label, binding.missing(), warnings);
        if (kept.length == 0) {
            throw new DataException(file, String.format(
                    "no rows are left: each of the %d rows misses its label or, as missing values are dropped, a feature",
                    scan.rowCount()));
        }
        LabelColumn.Classes classes = label.task() == Task.CLASSIFICATION ? label.classes(file, kept) : null;
        StratifiedSplit split = StratifiedSplit.of(classes == null ? null : classes.classOf(), kept.length,
                binding.trainFraction(), binding.validationFraction(), seed);
        if (split.train().length == 0) {
            throw new DataException(file, "the training split is empty: there are only " + kept.length + " usable rows");
        }
        int[] trainRows = pick(kept, split.train());

        TabularEncoding encoding = new EncodingFitter(scan, binding.missing(), binding.normalization(), warnings)
                .fit(features, label.name(), trainRows);
        long values = (long) kept.length * encoding.exampleShape()[0];
        if (values > MAX_VALUES) {
            throw new DataException(file, String.format("%,d rows × %,d inputs are more values than one array can hold; "
                    + "ignore some columns (a categorical one with many values adds one input per value) or use fewer rows",
                    kept.length, encoding.exampleShape()[0]));
        }
        Target target = classes != null
                ? Target.classes(label.name(), classes.names())
                : quantity(label, trainRows, warnings);
        ExampleWriter writer = new ExampleWriter(scan, features, encoding, label, target);
        Examples train = write(writer, kept, classes, split.train());
        Examples validation = write(writer, kept, classes, split.validation());
        Examples test = write(writer, kept, classes, split.test());

        TableWarnings.identicalToLabel(features, scan, label, kept, warnings);
        Map<String, Map<String, Integer>> classCounts = new LinkedHashMap<>();
        if (classes != null) {
            TableWarnings.rareClasses(classes.names(), classes.classOf(), warnings);
            classCounts.put("train", train.classCounts(classes.names()));
            classCounts.put("validation", validation.classCounts(classes.names()));
            classCounts.put("test", test.classCounts(classes.names()));
        }
        TableWarnings.smallValidation(binding.validationFraction(), validation.size(), warnings);
        DataReport report = new DataReport(scan.rowCount(), scan.rowCount() - kept.length, writer.filled(), classCounts,
                List.of(), warnings);
        return new PreparedData(target, train, validation, test, encoding, report, List.of());
    }

    /** The feature columns with their settled types; empty columns are left out with a warning. */
    private static List<Feature> features(String file, List<String> names, ColumnRoles roles, TableScan scan,
            List<String> warnings) throws DataException {
        List<Feature> features = new ArrayList<>();
        for (int j : roles.features()) {
            ColumnType type = ColumnTyping.decide(file, names.get(j), scan.column(j), roles.categorical().contains(j));
            if (type == ColumnType.EMPTY) {
                warnings.add("column '" + names.get(j) + "' has no values: it is left out");
            } else {
                features.add(new Feature(j, names.get(j), type));
            }
        }
        if (features.isEmpty()) {
            throw new DataException(file, "every feature column is empty");
        }
        return features;
    }

    /**
     * The rows to use: a row without a label is always left out (there is nothing to learn from
     * it); a row with a missing feature is left out under the drop policy, filled later otherwise.
     */
    private static int[] keptRows(TableScan scan, List<Feature> features, LabelColumn label, MissingValues policy,
            List<String> warnings) {
        int n = scan.rowCount();
        boolean[] dropped = new boolean[n];
        int unlabelled = 0;
        for (int r = 0; r < n; r++) {
            if (label.isMissing(r)) {
                dropped[r] = true;
                unlabelled++;
            }
        }
        if (unlabelled > 0) {
            warnings.add(unlabelled + (unlabelled == 1 ? " row has" : " rows have")
                    + " no value in the label column '" + label.name() + "' and " + (unlabelled == 1 ? "is" : "are") + " left out");
        }
        if (policy == MissingValues.DROP) {
            for (Feature f : features) {
                if (scan.column(f.column()).missingCount() == 0) {
                    continue;
                }
                double[] values = scan.column(f.column()).values();
                String[] texts = scan.texts(f.column());
                for (int r = 0; r < n; r++) {
                    dropped[r] |= f.type() == ColumnType.NUMERIC ? Double.isNaN(values[r]) : texts[r] == null;
                }
            }
        }
        int count = 0;
        for (boolean d : dropped) {
            count += d ? 0 : 1;
        }
        int[] kept = new int[count];
        for (int r = 0, k = 0; r < n; r++) {
            if (!dropped[r]) {
                kept[k++] = r;
            }
        }
        return kept;
    }

    /** Regression: the target's training mean and spread, to standardise it. */
    private static Target quantity(LabelColumn label, int[] trainRows, List<String> warnings) {
        double sum = 0;
        for (int r : trainRows) {
            sum += label.value(r);
        }
        double mean = sum / trainRows.length;
        double squares = 0;
        for (int r : trainRows) {
            double d = label.value(r) - mean;
            squares += d * d;
        }
        double std = Math.sqrt(squares / trainRows.length);
        if (std == 0) {
            warnings.add("the label '" + label.name() + "' is constant: there is nothing to learn");
            std = 1;
        }
        return Target.quantity(label.name(), mean, std);
    }

    /** @param indices positions in {@code kept}, as the split gives them */
    private static Examples write(ExampleWriter writer, int[] kept, LabelColumn.Classes classes, int[] indices) {
        return writer.write(pick(kept, indices), classes == null ? null : pick(classes.classOf(), indices));
    }

    private static int[] pick(int[] values, int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

}
