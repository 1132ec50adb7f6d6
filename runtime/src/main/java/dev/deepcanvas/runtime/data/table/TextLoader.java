package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.DataReport.TextStats;
import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.StratifiedSplit;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import dev.deepcanvas.runtime.data.text.Tokenizer;
import dev.deepcanvas.runtime.data.text.Vocabulary;
import dev.deepcanvas.runtime.document.DataBinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares text in a CSV column for a sequence network: one or more text columns (joined), a label
 * column of classes. The rows are split (stratified, seeded), the vocabulary is fitted on the
 * training split only, and every text becomes {@code maxLength} token ids with a mask.
 */
public final class TextLoader {

    private TextLoader() {}

    public static PreparedData prepare(Path csv, DataBinding binding, long seed) throws DataException, IOException {
        String file = csv.getFileName().toString();
        CsvRows.Table table = CsvRows.read(csv);
        List<Map<String, String>> rows = table.rows();
        List<Integer> lines = table.lines();
        List<String> names = table.names();
        if (rows.isEmpty()) {
            throw new DataException(file, "the file has a header but no data rows");
        }
        ColumnRoles roles = ColumnRoles.choose(file, names, binding);
        String label = names.get(roles.label());
        List<String> textColumns = textColumns(file, names, roles, binding.text(), rows);
        List<String> warnings = new ArrayList<>();

        List<Integer> kept = new ArrayList<>();
        List<String> classOfRow = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String raw = rows.get(r).get(label);
            if (!ClassNames.isMissing(raw)) {
                kept.add(r);
                classOfRow.add(ClassNames.of(raw));
            }
        }
        int unlabelled = rows.size() - kept.size();
        if (unlabelled > 0) {
            warnings.add(unlabelled + (unlabelled == 1 ? " row has" : " rows have") + " no value in the label column '" + label
                    + "' and " + (unlabelled == 1 ? "is" : "are") + " left out");
        }
        if (kept.isEmpty()) {
            throw new DataException(file, null, label, null, "no row has a label");
        }
        List<String> classes = Categories.sorted(classOfRow);
        if (classes.size() < 2) {
            throw new DataException(file, String.format(
                    "the label column '%s' has only one class, '%s': a classifier needs at least two", label, classes.get(0)));
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] classOf = classOfRow.stream().mapToInt(index::get).toArray();
        StratifiedSplit split = StratifiedSplit.of(classOf, kept.size(), binding.trainFraction(), binding.validationFraction(), seed);
        if (split.train().length == 0) {
            throw new DataException(file, "the training split is empty: there are only " + kept.size() + " labelled rows");
        }

        Tokenizer tokenizer = new Tokenizer(binding.text().tokens());
        TextEncoding columnsOnly = new TextEncoding(textColumns, tokenizer, new Vocabulary(List.of()), binding.text().maxLength());
        List<List<String>> tokens = new ArrayList<>(kept.size());
        for (int r : kept) {
            tokens.add(tokenizer.tokens(columnsOnly.textOf(rows.get(r))));
        }
        List<List<String>> trainTokens = new ArrayList<>();
        for (int i : split.train()) {
            trainTokens.add(tokens.get(i));
        }
        Vocabulary vocabulary = Vocabulary.fit(trainTokens, binding.text().vocabulary(), binding.text().minCount());
        TextEncoding encoding = new TextEncoding(textColumns, tokenizer, vocabulary, binding.text().maxLength());

        int[] origins = new int[kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            origins[i] = lines.get(kept.get(i));
        }
        Examples train = write(encoding, tokens, classOf, origins, classes.size(), split.train());
        Examples validation = write(encoding, tokens, classOf, origins, classes.size(), split.validation());
        Examples test = write(encoding, tokens, classOf, origins, classes.size(), split.test());

        TextStats stats = stats(encoding, tokens, split);
        if (stats.truncated() * 10 > kept.size()) {
            warnings.add(String.format("%d %% of the texts are longer than %d tokens and are cut: a larger maximum length reads more",
                    Math.round(100.0 * stats.truncated() / kept.size()), encoding.maxLength()));
        }
        if (vocabulary.size() <= Vocabulary.RESERVED) {
            warnings.add("no token is seen often enough for the vocabulary: lower the minimum count");
        }
        Map<String, Map<String, Integer>> classCounts = new LinkedHashMap<>();
        classCounts.put("train", train.classCounts(classes));
        classCounts.put("validation", validation.classCounts(classes));
        classCounts.put("test", test.classCounts(classes));
        TableWarnings.rareClasses(classes, classOf, warnings);
        TableWarnings.smallValidation(binding.validationFraction(), validation.size(), warnings);
        DataReport report = new DataReport(rows.size(), unlabelled, Map.of(), classCounts, List.of(), warnings, stats, null);
        return new PreparedData(Target.classes(label, classes), train, validation, test, encoding, report, List.of());
    }

    /** The chosen text columns, or the feature column whose texts are longest on average. */
    private static List<String> textColumns(String file, List<String> names, ColumnRoles roles, DataBinding.Text text,
            List<Map<String, String>> rows) throws DataException {
        if (!text.columns().isEmpty()) {
            for (String c : text.columns()) {
                if (!names.contains(c)) {
                    throw new DataException(file, null, c, null, "there is no such column (it is chosen as text); the columns are "
                            + String.join(", ", names));
                }
                if (c.equals(names.get(roles.label()))) {
                    throw new DataException(file, null, c, null, "the label column cannot also be a text column; choose another label");
                }
            }
            return text.columns();
        }
        List<String> candidates = new ArrayList<>();
        for (int j : roles.features()) {
            candidates.add(names.get(j));
        }
        return List.of(longestText(candidates, rows));
    }

    /** The column whose values are longest in all (the text when none is chosen); null when there is no candidate. */
    public static String longestText(List<String> candidates, List<Map<String, String>> rows) {
        String best = null;
        long bestLength = -1;
        for (String name : candidates) {
            long length = 0;
            for (Map<String, String> row : rows) {
                String v = row.get(name);
                length += v == null ? 0 : v.length();
            }
            if (length > bestLength) {
                best = name;
                bestLength = length;
            }
        }
        return best;
    }

    private static Examples write(TextEncoding encoding, List<List<String>> tokens, int[] classOf, int[] origins, int classes,
            int[] indices) {
        int t = encoding.maxLength();
        float[] features = new float[indices.length * t];
        float[] mask = new float[indices.length * t];
        float[] labels = new float[indices.length * classes];
        int[] from = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            TextEncoding.Encoded e = encoding.encode(tokens.get(i));
            System.arraycopy(e.ids(), 0, features, k * t, t);
            System.arraycopy(e.mask(), 0, mask, k * t, t);
            labels[k * classes + classOf[i]] = 1;
            from[k] = origins[i];
        }
        return new Examples(encoding.exampleShape(), features, classes, labels, from, mask, null);
    }

    private static TextStats stats(TextEncoding encoding, List<List<String>> tokens, StratifiedSplit split) {
        int[] lengths = new int[tokens.size()];
        int truncated = 0;
        for (int i = 0; i < tokens.size(); i++) {
            lengths[i] = tokens.get(i).size();
            truncated += lengths[i] > encoding.maxLength() ? 1 : 0;
        }
        return new TextStats(encoding.vocabulary().size(), coverage(encoding, tokens, split.train()),
                coverage(encoding, tokens, split.test()), lengths, encoding.maxLength(), truncated);
    }

    private static double coverage(TextEncoding encoding, List<List<String>> tokens, int[] indices) {
        long known = 0;
        long all = 0;
        for (int i : indices) {
            for (String t : tokens.get(i)) {
                all++;
                known += encoding.vocabulary().id(t) != Vocabulary.UNKNOWN ? 1 : 0;
            }
        }
        return all == 0 ? 1 : (double) known / all;
    }
}
