package dev.deepcanvas.runtime.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Accuracy, the confusion matrix (rows: actual class, columns: predicted) and per-class precision,
 * recall and F1. A class that is never predicted has precision 0 (as scikit-learn reports it).
 */
public record ClassificationReport(List<String> classes, long[][] confusion) implements TestReport {

    public ClassificationReport {
        classes = List.copyOf(classes);
    }

    /** The report for these actual and predicted class indices. */
    public static ClassificationReport of(List<String> classes, int[] actual, int[] predicted) {
        long[][] confusion = new long[classes.size()][classes.size()];
        for (int i = 0; i < actual.length; i++) {
            confusion[actual[i]][predicted[i]]++;
        }
        return new ClassificationReport(classes, confusion);
    }

    @Override
    public int total() {
        long n = 0;
        for (long[] row : confusion) {
            for (long v : row) {
                n += v;
            }
        }
        return (int) n;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return total() == 0 ? Double.NaN : (double) correct / total();
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual == 0 ? 0 : (double) confusion[c][c] / actual;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public long support(int c) {
        long actual = 0;
        for (long v : confusion[c]) {
            actual += v;
        }
        return actual;
    }

    @Override
    public String toText() {
        int nameWidth = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
        StringBuilder s = new StringBuilder();
        s.append(String.format("Test accuracy: %.4f (%d of %d)%n%n", accuracy(), Math.round(accuracy() * total()), total()));
        s.append(String.format("%-" + nameWidth + "s  precision  recall  f1      support%n", "class"));
        for (int c = 0; c < classes.size(); c++) {
            s.append(String.format("%-" + nameWidth + "s  %9.4f  %6.4f  %6.4f  %7d%n", classes.get(c), precision(c), recall(c), f1(c), support(c)));
        }
        s.append(String.format("%nConfusion matrix (rows: actual, columns: predicted)%n"));
        int cell = Math.max(6, nameWidth);
        s.append(" ".repeat(nameWidth));
        for (String name : classes) {
            s.append("  ").append(String.format("%" + cell + "s", name));
        }
        s.append('\n');
        for (int r = 0; r < classes.size(); r++) {
            s.append(String.format("%-" + nameWidth + "s", classes.get(r)));
            for (long v : confusion[r]) {
                s.append("  ").append(String.format("%" + cell + "d", v));
            }
            s.append('\n');
        }
        return s.toString();
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task", "classification");
        o.put("total", total());
        o.put("accuracy", accuracy());
        ArrayNode perClass = o.putArray("classes");
        for (int c = 0; c < classes.size(); c++) {
            ObjectNode k = perClass.addObject();
            k.put("name", classes.get(c));
            k.put("precision", precision(c));
            k.put("recall", recall(c));
            k.put("f1", f1(c));
            k.put("support", support(c));
        }
        ArrayNode matrix = o.putArray("confusion");
        for (long[] row : confusion) {
            ArrayNode r = matrix.addArray();
            for (long v : row) {
                r.add(v);
            }
        }
        return o;
    }
}
