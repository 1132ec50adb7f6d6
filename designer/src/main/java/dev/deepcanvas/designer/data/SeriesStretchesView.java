package dev.deepcanvas.designer.data;

import dev.deepcanvas.designer.ui.SeriesChart;
import dev.deepcanvas.runtime.data.DataReport;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * A time series as it will be learned: the target over the rows with the training, validation and
 * test stretches shaded (split by time, never shuffled), and what one example is.
 */
final class SeriesStretchesView extends VBox {

    SeriesStretchesView(DataReport.SeriesStats series) {
        super(6);
        setId("data-series");
        int n = series.target().length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        SeriesChart chart = new SeriesChart("data-series-chart", series.targetName() + " over time", "row", series.targetName());
        chart.setPrefHeight(300);
        chart.setLegendVisible(false);
        chart.line(series.targetName(), x, series.target());
        chart.shade(0.5, series.validationStart() + 0.5, "training", "stretch-train");
        if (series.testStart() > series.validationStart()) {
            chart.shade(series.validationStart() + 0.5, series.testStart() + 0.5, "validation", "stretch-validation");
        }
        chart.shade(series.testStart() + 0.5, n + 0.5, "test", "stretch-test");
        Label example = new Label(String.format(Locale.ROOT,
                "One example: %d rows in a row; the network predicts %s %d %s after the last of them. Rows %d–%d train, %d–%d "
                        + "validate, %d–%d test: later rows are never seen in training.",
                series.window(), series.targetName(), series.horizon(), series.horizon() == 1 ? "row" : "rows", 1,
                series.validationStart(), series.validationStart() + 1, series.testStart(), series.testStart() + 1, n));
        example.setId("data-series-example");
        example.setWrapText(true);
        getChildren().addAll(chart, example);
    }
}
