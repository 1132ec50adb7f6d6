package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.DataReport.SeriesStats;
import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import dev.deepcanvas.runtime.document.DataBinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares rows in time order for a sequence network. The rows are cut into three stretches in
 * time order (training, then validation, then test: never shuffled across the boundary), and
 * each window of {@code window} rows predicts the target {@code horizon} rows after its last row.
 * A window belongs to a stretch only when its rows and the row it predicts all lie inside it, so
 * no test window sees a training row. Shifts and scales are fitted on the training stretch only.
 */
public final class SeriesLoader {

    private SeriesLoader() {}

    public static PreparedData prepare(Path csv, DataBinding binding, long seed) throws DataException, IOException {
        String file = csv.getFileName().toString();
        if (binding.missing() == MissingValues.FILL) {
            throw new DataException(file, "a time series fills gaps forward or by interpolation (or leaves out the windows that "
                    + "touch one), not with a mean: choose one of those");
        }
        CsvRows.Table table = CsvRows.read(csv);
        List<Map<String, String>> rows = table.rows();
        List<Integer> lines = table.lines();
        List<String> names = table.names();
        boolean classify = binding.task() == DataBinding.TaskChoice.CLASSIFICATION;
        ColumnRoles roles = ColumnRoles.choose(file, names, binding, classify);
        String target = names.get(roles.label());
        int window = binding.series().window();
        int horizon = binding.series().horizon();
        if (!classify && horizon < 1) {
            throw new DataException(file, "a forecast looks at least one row ahead: set the horizon to 1 or more");
        }
        int n = rows.size();
        int validationStart = (int) Math.round(n * binding.trainFraction());
        int testStart = (int) Math.round(n * (binding.trainFraction() + binding.validationFraction()));
        if (validationStart < window + horizon) {
            throw new DataException(file, String.format("the training stretch has %d rows, fewer than one window of %d rows and "
                    + "the %d it looks ahead: use a shorter window or a larger training share", validationStart, window, horizon));
        }

        List<String> inputs = new ArrayList<>();
        if (!classify) {
            inputs.add(target);
        }
        roles.features().forEach(j -> inputs.add(names.get(j)));
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> filled = new LinkedHashMap<>();
        double[][] raw = new double[inputs.size()][];
        for (int c = 0; c < inputs.size(); c++) {
            raw[c] = SeriesColumns.read(file, rows, lines, inputs.get(c));
        }
        double[] levels = classify ? null : raw[0].clone();
        double[] shownTarget = classify ? new double[0] : raw[0].clone();
        double[][] columns = new double[inputs.size()][];
        for (int c = 0; c < inputs.size(); c++) {
            columns[c] = raw[c].clone();
            int gaps = SeriesColumns.fill(columns[c], binding.missing());
            if (gaps > 0) {
                filled.put(inputs.get(c), gaps);
            }
        }
        if (levels != null) {
            SeriesColumns.fill(levels, binding.missing());
        }
        boolean differencing = binding.series().differencing() && !classify;
        if (differencing) {
            columns[0] = SeriesColumns.changes(columns[0]);
        }
        double[] offset = new double[inputs.size()];
        double[] scale = new double[inputs.size()];
        for (int c = 0; c < inputs.size(); c++) {
            fit(columns[c], validationStart, binding.normalization(), offset, scale, c);
        }
        SeriesEncoding encoding = new SeriesEncoding(inputs, target, offset, scale, window, horizon, differencing, binding.missing());

        // the classes of a per-window label, or the target's training spread
        List<String> classNames = List.of();
        int[] classOfRow = null;
        if (classify) {
            List<String> seen = new ArrayList<>();
            classOfRow = new int[n];
            for (int r = 0; r < n; r++) {
                String v = rows.get(r).get(target);
                seen.add(ClassNames.isMissing(v) ? null : ClassNames.of(v));
            }
            classNames = Categories.sorted(seen.stream().filter(v -> v != null).toList());
            if (classNames.size() < 2) {
                throw new DataException(file, "the label column '" + target + "' needs at least two classes");
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) {
                index.put(classNames.get(c), c);
            }
            for (int r = 0; r < n; r++) {
                classOfRow[r] = seen.get(r) == null ? -1 : index.get(seen.get(r));
            }
        }
        int[][] stretches = {{0, validationStart}, {validationStart, testStart}, {testStart, n}};
        List<List<SeriesEncoding.Window>> windows = new ArrayList<>();
        int skipped = 0;
        for (int[] stretch : stretches) {
            List<SeriesEncoding.Window> in = new ArrayList<>();
            for (int last = stretch[0] + window - 1; last + horizon < stretch[1]; last++) {
                SeriesEncoding.Window w = encoding.window(columns, levels, last);
                boolean labelled = classify ? classOfRow[last + horizon] >= 0 : !Double.isNaN(levels[last + horizon]);
                if (w == null || !labelled || (levels != null && Double.isNaN(w.lastLevel()))) {
                    skipped++;
                } else {
                    in.add(w);
                }
            }
            windows.add(in);
        }
        if (windows.get(0).isEmpty()) {
            throw new DataException(file, "no complete window is left in the training stretch: every one touches a gap; "
                    + "fill the gaps (forward or by interpolation) or use a shorter window");
        }
        if (skipped > 0 && binding.missing() == MissingValues.DROP) {
            warnings.add(skipped + (skipped == 1 ? " window touches" : " windows touch") + " a missing value and "
                    + (skipped == 1 ? "is" : "are") + " left out");
        }
        Target t;
        if (classify) {
            t = Target.classes(target, classNames);
        } else {
            double[] train = new double[windows.get(0).size()];
            for (int i = 0; i < train.length; i++) {
                SeriesEncoding.Window w = windows.get(0).get(i);
                train[i] = levels[w.lastRow() + horizon] - (differencing ? w.lastLevel() : 0);
            }
            double mean = 0;
            for (double v : train) {
                mean += v;
            }
            mean /= train.length;
            double squares = 0;
            for (double v : train) {
                squares += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(squares / train.length);
            if (std == 0) {
                warnings.add("the target '" + target + "' does not change in the training stretch: there is nothing to learn");
                std = 1;
            }
            t = differencing ? Target.change(target, mean, std) : Target.quantity(target, mean, std);
        }
        Examples[] splits = new Examples[3];
        for (int k = 0; k < 3; k++) {
            splits[k] = examples(encoding, windows.get(k), levels, classOfRow, t, lines, horizon);
        }
        Map<String, Map<String, Integer>> classCounts = new LinkedHashMap<>();
        if (classify) {
            classCounts.put("train", splits[0].classCounts(classNames));
            classCounts.put("validation", splits[1].classCounts(classNames));
            classCounts.put("test", splits[2].classCounts(classNames));
        }
        if (splits[2].size() == 0 && binding.testFraction() > 0) {
            warnings.add("the test stretch is too short for one window: nothing is scored; give the test split more rows");
        }
        SeriesStats stats = new SeriesStats(target, shownTarget, validationStart, testStart, window, horizon);
        DataReport report = new DataReport(n, 0, filled, classCounts, List.of(), warnings, null, stats);
        return new PreparedData(t, splits[0], splits[1], splits[2], encoding, report, List.of());
    }

    /** Shift and scale of one column from the training stretch's values. */
    private static void fit(double[] v, int end, Normalization normalization, double[] offset, double[] scale, int c) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int r = 0; r < end; r++) {
            if (!Double.isNaN(v[r])) {
                sum += v[r];
                min = Math.min(min, v[r]);
                max = Math.max(max, v[r]);
                count++;
            }
        }
        double mean = count == 0 ? 0 : sum / count;
        double squares = 0;
        for (int r = 0; r < end; r++) {
            if (!Double.isNaN(v[r])) {
                squares += (v[r] - mean) * (v[r] - mean);
            }
        }
        double std = count == 0 ? 1 : Math.sqrt(squares / count);
        switch (normalization) {
            case STANDARDIZE -> {
                offset[c] = mean;
                scale[c] = std > 0 ? std : 1;
            }
            case MINMAX -> {
                offset[c] = count == 0 ? 0 : min;
                scale[c] = max > min ? max - min : 1;
            }
            case NONE -> {
                offset[c] = 0;
                scale[c] = 1;
            }
        }
    }

    private static Examples examples(SeriesEncoding encoding, List<SeriesEncoding.Window> windows, double[] levels, int[] classOfRow,
            Target target, List<Integer> lines, int horizon) {
        int width = encoding.inputs().size() * encoding.window();
        int labelWidth = target.width();
        float[] features = new float[windows.size() * width];
        float[] labels = new float[windows.size() * labelWidth];
        int[] origins = new int[windows.size()];
        double[] reference = levels == null ? null : new double[windows.size()];
        for (int i = 0; i < windows.size(); i++) {
            SeriesEncoding.Window w = windows.get(i);
            System.arraycopy(w.features(), 0, features, i * width, width);
            int row = w.lastRow() + horizon;
            origins[i] = lines.get(row);
            if (classOfRow != null) {
                labels[i * labelWidth + classOfRow[row]] = 1;
            } else {
                reference[i] = w.lastLevel();
                double value = levels[row] - (target.relative() ? w.lastLevel() : 0);
                labels[i] = (float) ((value - target.mean()) / target.std());
            }
        }
        return new Examples(encoding.exampleShape(), features, labelWidth, labels, origins, null, reference);
    }
}
