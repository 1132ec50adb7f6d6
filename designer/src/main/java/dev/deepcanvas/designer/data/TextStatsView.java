package dev.deepcanvas.designer.data;

import dev.deepcanvas.runtime.data.DataReport;
import dev.deepcanvas.runtime.data.text.Vocabulary;
import java.util.Arrays;
import java.util.Locale;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What tokenising the texts found: the vocabulary's size, how many of the training and test
 * tokens it knows, and a histogram of text lengths in tokens, the texts longer than the maximum
 * length (which are cut) drawn apart.
 */
final class TextStatsView extends VBox {

    /** Bars of the histogram, about. */
    static final int BINS = 20;

    TextStatsView(DataReport.TextStats stats) {
        super(6);
        setId("data-text-stats");
        int n = stats.lengths().length;
        Label summary = new Label(String.format(Locale.ROOT,
                "Vocabulary: %,d ids (%,d tokens, plus padding and unknown). It knows %.1f %% of the training tokens and "
                        + "%.1f %% of the test tokens (the rest read as 'unknown'). %,d of %,d texts (%.0f %%) are longer than %d "
                        + "tokens and are cut.",
                stats.vocabulary(), Math.max(0, stats.vocabulary() - Vocabulary.RESERVED), 100 * stats.coverage(),
                100 * stats.testCoverage(), stats.truncated(), n, n == 0 ? 0.0 : 100.0 * stats.truncated() / n, stats.maxLength()));
        summary.setId("data-text-summary");
        summary.setWrapText(true);
        getChildren().addAll(summary, histogram(stats));
    }

    private static StackedBarChart<String, Number> histogram(DataReport.TextStats stats) {
        int[] sorted = stats.lengths().clone();
        Arrays.sort(sorted);
        // up to the 99th percentile (and a little past the maximum length), the longest few in the last bar
        int p99 = sorted.length == 0 ? 1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
        int top = Math.max(Math.max(p99, (int) Math.ceil(stats.maxLength() * 1.25)), 1);
        int width = niceWidth(top / (double) BINS);
        int bins = top / width + 1;
        int[] whole = new int[bins];
        int[] cut = new int[bins];
        for (int length : stats.lengths()) {
            int bin = Math.min(bins - 1, length / width);
            if (length > stats.maxLength()) {
                cut[bin]++;
            } else {
                whole[bin]++;
            }
        }
        CategoryAxis x = new CategoryAxis();
        x.setLabel("tokens per text");
        NumberAxis y = new NumberAxis();
        y.setLabel("texts");
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("data-token-histogram");
        chart.setTitle("Text lengths (maximum length " + stats.maxLength() + ")");
        chart.setAnimated(false);
        chart.setCategoryGap(1);
        chart.setPrefHeight(280);
        XYChart.Series<String, Number> kept = new XYChart.Series<>();
        kept.setName("read whole");
        XYChart.Series<String, Number> cutSeries = new XYChart.Series<>();
        cutSeries.setName("cut to " + stats.maxLength());
        for (int b = 0; b < bins; b++) {
            String name = b == bins - 1 ? "≥" + b * width : Integer.toString(b * width);
            kept.getData().add(new XYChart.Data<>(name, whole[b]));
            cutSeries.getData().add(new XYChart.Data<>(name, cut[b]));
        }
        chart.getData().add(kept);
        chart.getData().add(cutSeries);
        return chart;
    }

    /** 1, 2, 5, 10, 20, 50, ... at least {@code raw}. */
    static int niceWidth(double raw) {
        int step = 1;
        while (true) {
            for (int m : new int[] {1, 2, 5}) {
                if (step * m >= raw) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }
}
