package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.document.DataBinding.TaskChoice;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The column to predict, with the task settled: classification when the user says so, when the
 * label holds text, or when it holds a few whole numbers (class codes such as 0, 1, 2);
 * regression otherwise.
 */
final class LabelColumn {

    /** More distinct whole numbers than this look like a quantity (an age, a count), not classes. */
    static final int MAX_AUTO_CLASSES = 20;

    /** The class names and each row's class, for the rows asked about. */
    record Classes(List<String> names, int[] classOf) {}

    private final String name;
    private final Task task;
    private final double[] numbers;
    private final String[] texts;

    private LabelColumn(String name, Task task, double[] numbers, String[] texts) {
        this.name = name;
        this.task = task;
        this.numbers = numbers;
        this.texts = texts;
    }

    /** @param texts the column's text when its type is categorical, else null */
    static LabelColumn of(String fileName, String name, ColumnType type, ColumnScan scan, String[] texts, TaskChoice choice)
            throws DataException {
        if (type == ColumnType.EMPTY) {
            throw new DataException(fileName, null, name, null, "the label column has no values");
        }
        boolean numeric = type == ColumnType.NUMERIC;
        Task task = switch (choice) {
            case CLASSIFICATION -> Task.CLASSIFICATION;
            case REGRESSION -> Task.REGRESSION;
            case AUTO -> !numeric || (scan.wholeNumbers() && fewDistinct(scan.values())) ? Task.CLASSIFICATION : Task.REGRESSION;
        };
        if (task == Task.REGRESSION && !numeric) {
            if (scan.textCount() == 0) {
                throw new DataException(fileName, null, name, null,
                        "the label column is listed as categorical, but regression predicts a number; choose classification");
            }
            throw new DataException(fileName, scan.firstTextLine(), name, scan.firstText(),
                    "the label holds text, but regression predicts a number; choose classification or another label column");
        }
        return new LabelColumn(name, task, numeric ? scan.values() : null, numeric ? null : texts);
    }

    private static boolean fewDistinct(double[] values) {
        Set<Double> distinct = new HashSet<>();
        for (double v : values) {
            if (!Double.isNaN(v) && distinct.add(v) && distinct.size() > MAX_AUTO_CLASSES) {
                return false;
            }
        }
        return true;
    }

    String name() {
        return name;
    }

    Task task() {
        return task;
    }

    boolean isMissing(int row) {
        return numbers != null ? Double.isNaN(numbers[row]) : texts[row] == null;
    }

    /** The label of a row as a number (regression; numeric labels only). */
    double value(int row) {
        return numbers[row];
    }

    /** Each row's label if the label is numeric (NaN where missing), else null. */
    double[] numbersOrNull() {
        return numbers;
    }

    /** Each row's label if the label is text (null where missing), else null. */
    String[] textsOrNull() {
        return texts;
    }

    /**
     * The classes found in these rows, sorted (numerically for numbers), and the class of each.
     *
     * @throws DataException when there is only one class
     */
    Classes classes(String fileName, int[] rows) throws DataException {
        Map<String, Integer> index = new HashMap<>();
        String[] names = new String[rows.length];
        if (numbers != null) {
            TreeSet<Double> distinct = new TreeSet<>();
            for (int r : rows) {
                distinct.add(numbers[r]);
            }
            List<String> sorted = distinct.stream().map(Cells::name).distinct().toList();
            for (int i = 0; i < rows.length; i++) {
                names[i] = Cells.name(numbers[rows[i]]);
            }
            return classes(fileName, sorted, names, index);
        }
        for (int i = 0; i < rows.length; i++) {
            names[i] = texts[rows[i]];
        }
        return classes(fileName, Categories.sorted(new HashSet<>(List.of(names))), names, index);
    }

    private Classes classes(String fileName, List<String> sorted, String[] names, Map<String, Integer> index) throws DataException {
        if (sorted.size() == 1) {
            throw new DataException(fileName, String.format(
                    "the label column '%s' has only one class, '%s': a classifier needs at least two", name, sorted.get(0)));
        }
        for (int c = 0; c < sorted.size(); c++) {
            index.put(sorted.get(c), c);
        }
        int[] classOf = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            classOf[i] = index.get(names[i]);
        }
        return new Classes(sorted, classOf);
    }
}
