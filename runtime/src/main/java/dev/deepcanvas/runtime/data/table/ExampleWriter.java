package dev.deepcanvas.runtime.data.table;

import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns rows of a scanned table into {@link Examples} through the fitted encoding: the same code
 * path as {@link TabularEncoding#encode}, so prepared data and new rows agree to the bit. Counts the
 * missing cells it fills.
 */
final class ExampleWriter {

    private final TableScan scan;
    private final List<Feature> features;
    private final TabularEncoding encoding;
    private final LabelColumn label;
    private final Target target;
    private final Map<String, Integer> filled = new LinkedHashMap<>();

    ExampleWriter(TableScan scan, List<Feature> features, TabularEncoding encoding, LabelColumn label, Target target) {
        this.scan = scan;
        this.features = features;
        this.encoding = encoding;
        this.label = label;
        this.target = target;
    }

    /**
     * @param rows scan rows of the split
     * @param classes the class of each of those rows (classification), else null
     */
    Examples write(int[] rows, int[] classes) {
        int n = rows.length;
        int width = (int) encoding.exampleShape()[0];
        float[] x = new float[n * width];
        int offset = 0;
        for (int k = 0; k < features.size(); k++) {
            Feature f = features.get(k);
            ColumnEncoding column = encoding.columns().get(k);
            int fills = 0;
            if (column instanceof NumericEncoding numeric) {
                double[] values = scan.column(f.column()).values();
                for (int i = 0; i < n; i++) {
                    double v = values[rows[i]];
                    if (Double.isNaN(v)) {
                        v = numeric.fill();
                        fills++;
                    }
                    x[i * width + offset] = numeric.encode(v);
                }
            } else if (column instanceof CategoricalEncoding categorical) {
                String[] texts = scan.texts(f.column());
                for (int i = 0; i < n; i++) {
                    String v = texts[rows[i]];
                    if (v == null) {
                        v = categorical.fill();
                        fills++;
                    }
                    categorical.encode(v, x, i * width + offset);
                }
            }
            if (fills > 0) {
                filled.merge(f.name(), fills, Integer::sum);
            }
            offset += column.width();
        }
        int labelWidth = target.width();
        float[] y = new float[n * labelWidth];
        int[] origins = new int[n];
        for (int i = 0; i < n; i++) {
            origins[i] = scan.line(rows[i]);
            if (target.task() == Task.CLASSIFICATION) {
                y[i * labelWidth + classes[i]] = 1f;
            } else {
                y[i] = (float) ((label.value(rows[i]) - target.mean()) / target.std());
            }
        }
        return new Examples(new long[] {width}, x, labelWidth, y, origins);
    }

    /** Per column, how many missing cells were filled so far. */
    Map<String, Integer> filled() {
        return filled;
    }
}
