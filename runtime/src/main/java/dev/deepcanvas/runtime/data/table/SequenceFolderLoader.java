package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.StratifiedSplit;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.document.DataBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prepares a folder of sequences: one sub-folder per class, each holding one CSV file per
 * sequence with a row per time step and the same numeric columns in every file — the sensor-data
 * counterpart of an image folder. Sequences of different lengths are padded at the end to the
 * longest and masked; each column is standardised with the training sequences' values.
 */
public final class SequenceFolderLoader {

    /** Longer sequences are surely a mistake (and would make every padded example huge). */
    public static final int MAX_STEPS = 100_000;

    private SequenceFolderLoader() {}

    public static PreparedData prepare(Path folder, DataBinding binding, long seed) throws DataException, IOException {
        String name = folder.getFileName().toString();
        List<String> classes = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList()) {
                try (Stream<Path> in = Files.list(dir)) {
                    List<Path> csvs = in.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
                    if (!csvs.isEmpty()) {
                        for (Path f : csvs) {
                            files.add(f);
                            classOf.add(classes.size());
                        }
                        classes.add(dir.getFileName().toString());
                    }
                }
            }
        }
        if (classes.size() < 2) {
            throw new DataException(name, "a sequence folder needs at least two sub-folders (one per class) holding .csv files; it has "
                    + classes.size());
        }
        List<String> columns = null;
        List<double[][]> sequences = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Integer> keptClass = new ArrayList<>();
        List<String> keptFiles = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String relative = folder.relativize(f).toString().replace('\\', '/');
            CsvRows.Table table;
            try {
                table = CsvRows.read(f);
            } catch (DataException e) {
                skipped.add(relative + ": " + e.getMessage());
                continue;
            }
            List<Map<String, String>> rows = table.rows();
            List<Integer> lines = table.lines();
            List<String> used = table.names().stream().filter(c -> !binding.ignore().contains(c)).toList();
            if (columns == null) {
                columns = used;
            } else if (!columns.equals(used)) {
                throw new DataException(relative, "its columns (" + String.join(", ", used) + ") differ from the first file's ("
                        + String.join(", ", columns) + "): every sequence needs the same columns");
            }
            if (rows.isEmpty() || rows.size() > MAX_STEPS) {
                skipped.add(relative + ": " + (rows.isEmpty() ? "no rows" : String.format("%,d rows, more than %,d", rows.size(), MAX_STEPS)));
                continue;
            }
            double[][] values = new double[columns.size()][];
            for (int c = 0; c < columns.size(); c++) {
                values[c] = SeriesColumns.read(relative, rows, lines, columns.get(c));
                SeriesColumns.fill(values[c], DataBinding.MissingValues.INTERPOLATE);
            }
            sequences.add(values);
            keptClass.add(classOf.get(i));
            keptFiles.add(relative);
        }
        if (sequences.isEmpty()) {
            throw new DataException(name, "no sequence could be read: " + String.join("; ", skipped.subList(0, Math.min(3, skipped.size()))));
        }
        int[] classes0 = keptClass.stream().mapToInt(Integer::intValue).toArray();
        StratifiedSplit split = StratifiedSplit.of(classes0, sequences.size(), binding.trainFraction(), binding.validationFraction(), seed);
        int features = columns.size();
        int steps = sequences.stream().mapToInt(s -> s[0].length).max().orElse(1);
        double[] mean = new double[features];
        double[] std = new double[features];
        for (int c = 0; c < features; c++) {
            double sum = 0;
            long count = 0;
            for (int i : split.train()) {
                for (double v : sequences.get(i)[c]) {
                    sum += v;
                    count++;
                }
            }
            mean[c] = count == 0 ? 0 : sum / count;
            double squares = 0;
            for (int i : split.train()) {
                for (double v : sequences.get(i)[c]) {
                    squares += (v - mean[c]) * (v - mean[c]);
                }
            }
            double sd = count == 0 ? 1 : Math.sqrt(squares / count);
            std[c] = binding.normalization() == DataBinding.Normalization.NONE || sd == 0 ? 1 : sd;
            mean[c] = binding.normalization() == DataBinding.Normalization.NONE ? 0 : mean[c];
        }
        SequenceEncoding encoding = new SequenceEncoding(columns, mean, std, steps);
        Examples train = write(encoding, sequences, classes0, classes.size(), split.train());
        Examples validation = write(encoding, sequences, classes0, classes.size(), split.validation());
        Examples test = write(encoding, sequences, classes0, classes.size(), split.test());
        Map<String, Map<String, Integer>> classCounts = new LinkedHashMap<>();
        classCounts.put("train", train.classCounts(classes));
        classCounts.put("validation", validation.classCounts(classes));
        classCounts.put("test", test.classCounts(classes));
        List<String> warnings = new ArrayList<>();
        if (!skipped.isEmpty()) {
            warnings.add(skipped.size() + " file(s) could not be read and are left out, e.g. " + skipped.get(0));
        }
        DataReport report = new DataReport(files.size(), skipped.size(), Map.of(), classCounts, skipped, warnings);
        return new PreparedData(Target.classes("class", classes), train, validation, test, encoding, report, keptFiles);
    }

    private static Examples write(SequenceEncoding encoding, List<double[][]> sequences, int[] classOf, int classes, int[] indices) {
        int t = encoding.maxLength();
        int f = encoding.columns().size();
        float[] features = new float[indices.length * f * t];
        float[] mask = new float[indices.length * t];
        float[] labels = new float[indices.length * classes];
        for (int k = 0; k < indices.length; k++) {
            SequenceEncoding.Encoded e = encoding.encode(sequences.get(indices[k]));
            System.arraycopy(e.values(), 0, features, k * f * t, f * t);
            System.arraycopy(e.mask(), 0, mask, k * t, t);
            labels[k * classes + classOf[indices[k]]] = 1;
        }
        return new Examples(encoding.exampleShape(), features, classes, labels, indices.clone(), mask, null);
    }
}
