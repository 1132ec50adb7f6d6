package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Task;

/** One short paragraph about the prepared data, printed before training starts. */
final class DataSummary {

    private DataSummary() {}

    private static int count(DataReport r, String split, String className) {
        return r.classCounts().getOrDefault(split, java.util.Map.of()).getOrDefault(className, 0);
    }

    static String describe(PreparedData data) {
        DataReport r = data.report();
        StringBuilder s = new StringBuilder();
        s.append(String.format("Data: %d examples read", r.rowsRead()));
        if (r.rowsDropped() > 0) {
            s.append(String.format(", %d dropped for missing values", r.rowsDropped()));
        }
        if (!r.skipped().isEmpty()) {
            s.append(String.format(", %d skipped", r.skipped().size()));
        }
        s.append(String.format("; split %d train / %d validation / %d test", data.train().size(), data.validation().size(), data.test().size()));
        if (data.target().task() == Task.CLASSIFICATION) {
            s.append(String.format("; %d classes of '%s': %s", data.target().classNames().size(), data.target().name(),
                    String.join(", ", data.target().classNames())));
        } else {
            s.append(String.format("; predicting '%s' (a quantity)", data.target().name()));
        }
        s.append('.');
        if (!r.classCounts().isEmpty()) {
            s.append("\n  class balance (train / validation / test):");
            for (String name : data.target().classNames()) {
                s.append(String.format(" %s %d/%d/%d;", name, count(r, "train", name), count(r, "validation", name), count(r, "test", name)));
            }
            s.setLength(s.length() - 1);
        }
        r.filled().forEach((column, count) -> s.append(String.format("%n  filled %d missing value(s) in '%s'", count, column)));
        r.skipped().forEach(skip -> s.append("\n  skipped ").append(skip));
        r.warnings().forEach(w -> s.append("\n  warning: ").append(w));
        return s.toString();
    }
}
