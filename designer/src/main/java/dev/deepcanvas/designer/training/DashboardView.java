package dev.deepcanvas.designer.training;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The live charts: loss (per batch, smoothed, and per epoch for training and validation) above
 * accuracy (or MAE), sharing the epoch axis. The current run shows all its curves; earlier runs of
 * the session stay as their validation (or training) curves, named by what differed.
 */
public final class DashboardView extends VBox {

    private final DefaultNumericAxis lossX = new DefaultNumericAxis("epoch");
    // the y axes are unnamed: the chart titles say what they show, and short charts (presentation mode) have no room
    private final DefaultNumericAxis lossY = new DefaultNumericAxis(null);
    private final DefaultNumericAxis metricX = new DefaultNumericAxis("epoch");
    private final DefaultNumericAxis metricY = new DefaultNumericAxis(null);
    private final XYChart lossChart = new XYChart(lossX, lossY);
    private final XYChart metricChart = new XYChart(metricX, metricY);
    private final ErrorDataSetRenderer lossBatches = lines(false);
    private final ErrorDataSetRenderer lossEpochs = lines(true);
    private final ErrorDataSetRenderer metricEpochs = lines(true);
    /** Drag a rectangle to zoom, right-click to step back; the accuracy chart zooms its y axis only (its x axis follows the loss chart). */
    private final Zoomer lossZoom = zoomer(AxisMode.XY);
    private final Zoomer metricZoom = zoomer(AxisMode.Y);
    private final CheckBox logScale = new CheckBox("Log scale");
    private final javafx.scene.control.Label runLabel = new javafx.scene.control.Label();
    private final TrainingController controller;

    public DashboardView(TrainingController controller) {
        this.controller = controller;
        getStyleClass().add("dashboard");
        lossChart.setId("loss-chart");
        metricChart.setId("metric-chart");
        for (XYChart chart : List.of(lossChart, metricChart)) {
            chart.getRenderers().clear();
            chart.setLegendVisible(true);
            chart.setAnimated(false);
            VBox.setVgrow(chart, Priority.ALWAYS);
        }
        lossChart.getRenderers().addAll(lossBatches, lossEpochs);
        lossChart.getPlugins().add(lossZoom);
        metricChart.getPlugins().add(metricZoom);
        metricZoom.omitAxisZoomList().add(metricX);
        // ChartFX turns auto-ranging off when zooming in but not auto-growing, which would undo the
        // zoom at the next redraw; zooming back out restores both as they were.
        lossZoom.zoomStackDeque().addListener((javafx.beans.InvalidationListener) o -> {
            if (!lossZoom.zoomStackDeque().isEmpty()) {
                lossX.setAutoGrowRanging(false);
            }
        });
        metricChart.getRenderers().add(metricEpochs);
        lossChart.setTitle("Loss");
        lossX.setAutoGrowRanging(true);
        metricChart.setTitle("Accuracy");
        // linked charts: the metric chart follows the loss chart's epoch range
        metricX.setAutoRanging(false);
        metricX.minProperty().bind(lossX.minProperty());
        metricX.maxProperty().bind(lossX.maxProperty());
        logScale.setId("dashboard-log");
        logScale.selectedProperty().addListener((o, a, on) -> {
            lossY.setLogAxis(on);
            lossChart.invalidate();
        });
        runLabel.setId("dashboard-run");
        runLabel.getStyleClass().add("panel-heading");
        for (DefaultNumericAxis axis : List.of(lossX, lossY, metricX, metricY)) {
            axis.setUnit(null);
        }
        logScale.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runLabel.setTooltip(new javafx.scene.control.Tooltip("Earlier runs of this session are drawn dashed: their validation curves."));
        javafx.scene.control.Button resetZoom = new javafx.scene.control.Button("Reset Zoom");
        resetZoom.setId("dashboard-reset-zoom");
        resetZoom.setTooltip(new javafx.scene.control.Tooltip("Drag over a chart to zoom in, right-click to step back."));
        resetZoom.setOnAction(e -> resetZoom());
        resetZoom.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runLabel.setWrapText(true); // "Run 3: adam lr 0.01, batch 16, …": a line of its own, wrapped when narrow
        HBox bar = new HBox(12, logScale, resetZoom);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("dashboard-bar");
        getChildren().addAll(runLabel, bar, lossChart, metricChart);
        controller.runs().addListener((ListChangeListener<RunSeries>) c -> showRuns());
        showRuns();
    }

    private static Zoomer zoomer(AxisMode mode) {
        Zoomer z = new Zoomer(mode);
        z.setAddButtonsToToolBar(false);
        z.setSliderVisible(false);
        return z;
    }

    /** Back to the whole run on both charts (the axes follow the data again). */
    public void resetZoom() {
        lossZoom.zoomOrigin();
        metricZoom.zoomOrigin();
    }

    private static ErrorDataSetRenderer lines(boolean markers) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(markers);
        r.setErrorStyle(io.fair_acc.chartfx.renderer.ErrorStyle.NONE);
        return r;
    }

    /** The current run's curves in full, earlier runs by their epoch curves only. */
    private void showRuns() {
        List<RunSeries> runs = controller.runs();
        List<DataSet> batches = new ArrayList<>();
        List<DataSet> epochs = new ArrayList<>();
        List<DataSet> metrics = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSeries r = runs.get(i);
            boolean current = i == runs.size() - 1;
            if (current) {
                batches.add(r.batchLoss());
                batches.add(r.smoothedLoss());
                epochs.add(r.trainLoss());
                epochs.add(r.validationLoss());
                metrics.add(r.trainMetric());
                metrics.add(r.validationMetric());
            } else {
                epochs.add(r.overlayLoss());
                metrics.add(r.overlayMetric());
            }
        }
        lossBatches.getDatasets().setAll(batches);
        lossEpochs.getDatasets().setAll(epochs);
        metricEpochs.getDatasets().setAll(metrics);
        if (!runs.isEmpty()) {
            resetZoom(); // a new run is shown whole
            RunSeries current = runs.get(runs.size() - 1);
            // the epoch axis only grows (fewer new ticks per redraw); it starts again with a new run
            lossX.setAutoRanging(true);
            lossX.setAutoGrowRanging(false);
            lossX.setAutoGrowRanging(true);
            runLabel.setText(current.label());
            boolean classification = runs.get(runs.size() - 1).classification();
            metricChart.setTitle(classification ? "Accuracy" : "Mean absolute error");
        }
    }

    public XYChart lossChart() {
        return lossChart;
    }

    public XYChart metricChart() {
        return metricChart;
    }
}
