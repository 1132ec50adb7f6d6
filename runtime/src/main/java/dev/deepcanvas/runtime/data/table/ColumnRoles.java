package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.document.DataBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which column is predicted and which feed the network. The label is the one the user chose, else
 * the first column with a name people give labels, else the last column; ignored columns take no
 * part. Columns are indices into the file's columns.
 *
 * @param features in file order
 * @param categorical the columns the user wants one-hot encoded even if they hold numbers
 */
record ColumnRoles(int label, List<Integer> features, Set<Integer> categorical) {

    /** Names people give the column to predict, in lower case. */
    static final List<String> LABEL_NAMES = List.of("label", "target", "class", "species", "diagnosis", "y", "outcome", "category");

    static ColumnRoles choose(String fileName, List<String> columns, DataBinding binding) throws DataException {
        return choose(fileName, columns, binding, true);
    }

    /** @param needFeatures false where the label alone can be learned from (a forecast reads the target's own past) */
    static ColumnRoles choose(String fileName, List<String> columns, DataBinding binding, boolean needFeatures) throws DataException {
        Set<Integer> ignored = new HashSet<>();
        for (String name : binding.ignore()) {
            ignored.add(find(fileName, columns, name, "listed as ignored"));
        }
        Set<Integer> categorical = new HashSet<>();
        for (String name : binding.categorical()) {
            categorical.add(find(fileName, columns, name, "listed as categorical"));
        }
        int label;
        if (binding.label() != null) {
            label = find(fileName, columns, binding.label(), "chosen as the label");
            if (ignored.contains(label)) {
                throw new DataException(fileName, null, columns.get(label), null,
                        "the label column is also listed as ignored; take it off that list");
            }
        } else {
            label = guessLabel(columns, ignored);
            if (label < 0) {
                throw new DataException(fileName, "every column is ignored; there is nothing to predict");
            }
        }
        List<Integer> features = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (j != label && !ignored.contains(j)) {
                features.add(j);
            }
        }
        if (features.isEmpty() && needFeatures) {
            throw new DataException(fileName, String.format(
                    "there are no feature columns: '%s' is the label and the file has no other column to learn from%s",
                    columns.get(label), ignored.isEmpty() ? "" : " that is not ignored"));
        }
        return new ColumnRoles(label, features, categorical);
    }

    private static int guessLabel(List<String> columns, Set<Integer> ignored) {
        for (int j = 0; j < columns.size(); j++) {
            if (!ignored.contains(j) && LABEL_NAMES.contains(columns.get(j).toLowerCase(Locale.ROOT))) {
                return j;
            }
        }
        for (int j = columns.size() - 1; j >= 0; j--) {
            if (!ignored.contains(j)) {
                return j;
            }
        }
        return -1;
    }

    /** The column with this name; the only one differing in case if none matches exactly. */
    private static int find(String fileName, List<String> columns, String name, String role) throws DataException {
        int exact = columns.indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        List<Integer> loose = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).equalsIgnoreCase(name)) {
                loose.add(j);
            }
        }
        if (loose.size() == 1) {
            return loose.get(0);
        }
        throw new DataException(fileName, null, name, null,
                "there is no such column (it is " + role + "); the columns are " + String.join(", ", columns));
    }

    /** The label and the features: the columns whose values are needed. */
    boolean[] used(int width) {
        boolean[] used = new boolean[width];
        used[label] = true;
        features.forEach(j -> used[j] = true);
        return used;
    }
}
