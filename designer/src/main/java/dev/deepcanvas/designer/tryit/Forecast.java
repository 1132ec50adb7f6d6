package dev.deepcanvas.designer.tryit;

import dev.deepcanvas.designer.ui.SeriesChart;
import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A forecast model run over the end of its series: for the last {@link #SHOWN} windows the value that
 * followed and the model's forecast of it, and the forecasts past the last row. Computed off the
 * window's thread; {@link #chart()} draws it on the window's thread.
 *
 * @param rows the row each forecast is for (1-based data rows, as the Data tab counts them)
 * @param actual what happened on that row, NaN past the end of the file
 * @param forecast the model's forecast for that row
 * @param lastRow the file's last data row (1-based)
 */
record Forecast(String target, double[] rows, double[] actual, double[] forecast, int lastRow, Prediction next) {

    /** Windows shown: enough to judge the recent forecasts without squeezing the chart. */
    static final int SHOWN = 48;

    static Forecast of(ModelBundle bundle, SeriesEncoding series, Path csv) throws IOException, DataException {
        List<SeriesEncoding.Cut> cuts = series.cut(csv);
        List<SeriesEncoding.Cut> shown = cuts.subList(Math.max(0, cuts.size() - SHOWN), cuts.size());
        int n = shown.size();
        int width = shown.get(0).window().features().length;
        float[] features = new float[n * width];
        double[] reference = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(shown.get(i).window().features(), 0, features, i * width, width);
            reference[i] = shown.get(i).window().lastLevel();
        }
        List<Prediction> predictions = bundle.predict(features, null, reference, n);
        double[] rows = new double[n];
        double[] actual = new double[n];
        double[] forecast = new double[n];
        for (int i = 0; i < n; i++) {
            SeriesEncoding.Cut c = shown.get(i);
            rows[i] = c.window().lastRow() + 1 + series.horizon();
            actual[i] = parse(c.actual());
            forecast[i] = predictions.get(i).value();
        }
        int lastRow = shown.get(n - 1).rows();
        return new Forecast(series.target(), rows, actual, forecast, lastRow, predictions.get(n - 1));
    }

    private static double parse(String value) {
        if (value == null || value.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return Double.NaN; // a gap in the file: nothing to draw for that row
        }
    }

    String summary() {
        return String.format(Locale.ROOT, "Next: %s on row %d (%d after the last row): %.4g", target, (int) rows[rows.length - 1],
                (int) rows[rows.length - 1] - lastRow, next.value());
    }

    SeriesChart chart() {
        SeriesChart chart = new SeriesChart("try-it-forecast", target + ": the last forecasts and the next", "row", target);
        chart.setPrefHeight(360);
        chart.line("actual", rows, actual);
        chart.line("model's forecast", rows, forecast);
        // the way ahead: from the last known value to the forecasts past the end
        int known = 0;
        while (known < rows.length && rows[known] <= lastRow) {
            known++;
        }
        int ahead = rows.length - known;
        double[] x = new double[ahead + 1];
        double[] y = new double[ahead + 1];
        x[0] = known > 0 ? rows[known - 1] : lastRow;
        y[0] = known > 0 ? actual[known - 1] : Double.NaN;
        for (int i = 0; i < ahead; i++) {
            x[i + 1] = rows[known + i];
            y[i + 1] = forecast[known + i];
        }
        chart.line("next", x, y);
        chart.shade(lastRow + 0.5, rows[rows.length - 1] + 0.5, "forecast", "stretch-forecast");
        return chart;
    }
}
