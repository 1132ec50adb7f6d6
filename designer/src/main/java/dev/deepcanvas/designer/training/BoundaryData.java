package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.table.CsvPreview;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The points under a decision map: two numeric features and the class of each row, read from the
 * CSV as written (raw units), with the plotted range padded by 10 %.
 */
public record BoundaryData(String xName, String yName, double[] x, double[] y, int[] classOf, List<String> classes, double xMin,
        double xMax, double yMin, double yMax) {

    /** Rows read for the scatter at most. */
    static final int MAX_POINTS = 5_000;

    public static BoundaryData read(Path csv, TabularEncoding encoding, List<String> classes) throws IOException, DataException {
        CsvPreview preview = CsvPreview.read(csv, MAX_POINTS);
        int xi = preview.columns().indexOf(encoding.featureColumns().get(0));
        int yi = preview.columns().indexOf(encoding.featureColumns().get(1));
        int li = preview.columns().indexOf(encoding.labelColumn());
        List<double[]> points = new ArrayList<>();
        for (List<String> row : preview.rows()) {
            try {
                double x = Double.parseDouble(row.get(xi).trim());
                double y = Double.parseDouble(row.get(yi).trim());
                int c = li < 0 ? -1 : classes.indexOf(row.get(li).trim());
                points.add(new double[] {x, y, c});
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                // a row the trainer dropped too (missing or not a number)
            }
        }
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        int[] cs = new int[n];
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] p = points.get(i);
            xs[i] = p[0];
            ys[i] = p[1];
            cs[i] = (int) p[2];
            x0 = Math.min(x0, p[0]);
            x1 = Math.max(x1, p[0]);
            y0 = Math.min(y0, p[1]);
            y1 = Math.max(y1, p[1]);
        }
        if (n == 0) {
            x0 = y0 = 0;
            x1 = y1 = 1;
        }
        double px = Math.max(1e-6, (x1 - x0) * 0.1);
        double py = Math.max(1e-6, (y1 - y0) * 0.1);
        return new BoundaryData(encoding.featureColumns().get(0), encoding.featureColumns().get(1), xs, ys, cs, List.copyOf(classes),
                x0 - px, x1 + px, y0 - py, y1 + py);
    }
}
