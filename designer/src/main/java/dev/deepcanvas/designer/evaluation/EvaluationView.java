package dev.deepcanvas.designer.evaluation;

import dev.deepcanvas.designer.training.RunResult;
import dev.deepcanvas.designer.ui.SeriesChart;
import dev.deepcanvas.designer.ui.SteadyDataSet;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.evaluate.ExamplePrediction;
import dev.deepcanvas.runtime.evaluate.RegressionReport;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * What the trained model got right and wrong on the test split. Classification: accuracy, a
 * confusion-matrix heatmap (click a cell to list those examples, most confident first, with
 * thumbnails for images and the text for texts; the most frequent mistake is listed at first) and
 * per-class precision, recall and F1. Regression: MAE, RMSE and R², a predicted-vs-actual scatter
 * and the residuals; for a forecast, the test stretch over time: actual, model and the naive
 * forecast.
 */
public final class EvaluationView extends VBox {

    private final Label heading = new Label("Train a model to see how it does on the test split.");
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final GridPane perClass = new GridPane();
    private final Label samplesHeading = new Label();
    private final ListView<ExamplePrediction> samples = new ListView<>();
    private final HBox body = new HBox(16);
    private RunResult shown;

    public EvaluationView() {
        getStyleClass().add("evaluation");
        setPadding(new Insets(12));
        setSpacing(10);
        heading.setId("evaluation-heading");
        heading.getStyleClass().add("panel-heading");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        samplesHeading.setWrapText(true);
        samplesHeading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        perClass.setId("evaluation-per-class");
        perClass.setHgap(14);
        perClass.setVgap(4);
        samples.setId("evaluation-samples");
        samples.setCellFactory(v -> new SampleCell());
        samplesHeading.setId("evaluation-samples-heading");
        matrix.onCell(this::listCell);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(heading, body);
    }

    public void show(RunResult result) {
        shown = result;
        if (result.report() instanceof ClassificationReport c) {
            heading.setText(String.format("%s — test accuracy %.1f %% on %d examples. %s", result.label(), c.accuracy() * 100, c.total(),
                    result.summary()));
            matrix.show(c);
            fillPerClass(c);
            samplesHeading.setText("Click a cell of the matrix to list its examples.");
            samples.getItems().clear();
            mostFrequentMistake(c).ifPresent(cell -> listCell(cell[0], cell[1]));
            // the matrix and the table scroll when there are many classes; the list keeps its share
            javafx.scene.control.ScrollPane left = new javafx.scene.control.ScrollPane(new VBox(10, matrix, perClass));
            left.setFitToWidth(false);
            VBox right = new VBox(6, samplesHeading, samples);
            right.setMinWidth(220);
            VBox.setVgrow(samples, Priority.ALWAYS);
            javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(left, right);
            split.setDividerPositions(c.classes().size() > 5 ? 0.62 : 0.5);
            HBox.setHgrow(split, Priority.ALWAYS);
            body.getChildren().setAll(split);
        } else if (result.report() instanceof RegressionReport r) {
            String naive = r.naive() == null ? "" : String.format(" Naive forecast (same as the last step): MAE %.4g, RMSE %.4g — the model's "
                    + "RMSE is %.1f %% %s.", r.naive().mae(), r.naive().rmse(), Math.abs(100 * r.gainOverNaive()),
                    r.gainOverNaive() > 0 ? "lower" : "higher: it does not beat persistence");
            heading.setText(String.format("%s — test MAE %.4g, RMSE %.4g, R² %.3f on %d examples (%s).%s %s", result.label(), r.mae(), r.rmse(),
                    r.r2(), r.total(), r.target(), naive, result.summary()));
            body.getChildren().setAll(r.naive() != null && result.data().test().reference() != null
                    ? forecastChart(result) : regressionCharts(result.predictions()));
        }
    }

    /** The off-diagonal cell with the most examples, as {actual, predicted}; empty when nothing is wrong. */
    private static Optional<int[]> mostFrequentMistake(ClassificationReport c) {
        int[] best = null;
        long most = 0;
        for (int a = 0; a < c.classes().size(); a++) {
            for (int p = 0; p < c.classes().size(); p++) {
                if (a != p && c.confusion()[a][p] > most) {
                    most = c.confusion()[a][p];
                    best = new int[] {a, p};
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The test stretch in time order: what happened, what the model forecast, and the naive "same as the last step". */
    private static SeriesChart forecastChart(RunResult result) {
        List<ExamplePrediction> predictions = result.predictions();
        double[] reference = result.data().test().reference();
        int n = predictions.size();
        double[] row = new double[n];
        double[] actual = new double[n];
        double[] model = new double[n];
        double[] naive = new double[n];
        for (int i = 0; i < n; i++) {
            ExamplePrediction e = predictions.get(i);
            row[i] = e.origin(); // the CSV line of the row forecast, as the command line reports it
            actual[i] = e.actualValue();
            model[i] = e.predictedValue();
            naive[i] = reference[i];
        }
        String target = ((RegressionReport) result.report()).target();
        SeriesChart chart = new SeriesChart("evaluation-forecast", "Test stretch: " + target + " forecast against what happened",
                "line of the CSV", target);
        chart.line("actual", row, actual);
        chart.line("model", row, model);
        chart.line("naive (same as the last step)", row, naive);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private void fillPerClass(ClassificationReport c) {
        perClass.getChildren().clear();
        String[] heads = {"class", "precision", "recall", "F1", "support"};
        for (int i = 0; i < heads.length; i++) {
            Label h = new Label(heads[i]);
            h.getStyleClass().add("cm-head");
            perClass.add(h, i, 0);
        }
        for (int k = 0; k < c.classes().size(); k++) {
            perClass.add(new Label(c.classes().get(k)), 0, k + 1);
            perClass.add(new Label(String.format("%.2f", c.precision(k))), 1, k + 1);
            perClass.add(new Label(String.format("%.2f", c.recall(k))), 2, k + 1);
            perClass.add(new Label(String.format("%.2f", c.f1(k))), 3, k + 1);
            perClass.add(new Label(Long.toString(c.support(k))), 4, k + 1);
        }
    }

    /** Lists the test examples of one cell, most confident first. */
    void listCell(int actual, int predicted) {
        if (shown == null || !(shown.report() instanceof ClassificationReport c)) {
            return;
        }
        List<ExamplePrediction> those = shown.predictions().stream().filter(p -> p.actual() == actual && p.predicted() == predicted)
                .sorted(Comparator.comparingDouble(ExamplePrediction::confidence).reversed()).toList();
        String a = c.classes().get(actual);
        String p = c.classes().get(predicted);
        String examples = those.size() + (those.size() == 1 ? " example of '" : " examples of '") + a + "'";
        samplesHeading.setText(examples + (actual == predicted ? " recognised correctly" : " taken for '" + p + "'")
                + (those.isEmpty() ? "." : ", most confident first:"));
        samples.getItems().setAll(those);
    }

    private HBox regressionCharts(List<ExamplePrediction> predictions) {
        DoubleDataSet scatter = new SteadyDataSet("predicted vs actual");
        DoubleDataSet ideal = new SteadyDataSet("ideal (predicted = actual)");
        DoubleDataSet residuals = new SteadyDataSet("residual (predicted − actual)");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ExamplePrediction e : predictions) {
            scatter.add(e.actualValue(), e.predictedValue());
            residuals.add(e.actualValue(), e.predictedValue() - e.actualValue());
            lo = Math.min(lo, e.actualValue());
            hi = Math.max(hi, e.actualValue());
        }
        if (lo <= hi) {
            ideal.add(lo, lo);
            ideal.add(hi, hi);
        }
        XYChart a = chart("Predicted vs actual", "actual", "predicted");
        a.getRenderers().setAll(points(scatter), line(ideal));
        XYChart b = chart("Residuals", "actual", "predicted − actual");
        b.getRenderers().setAll(points(residuals));
        HBox.setHgrow(a, Priority.ALWAYS);
        HBox.setHgrow(b, Priority.ALWAYS);
        return new HBox(12, a, b);
    }

    private static XYChart chart(String title, String x, String y) {
        DefaultNumericAxis xAxis = new DefaultNumericAxis(x);
        DefaultNumericAxis yAxis = new DefaultNumericAxis(y);
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        XYChart c = new XYChart(xAxis, yAxis);
        c.setTitle(title);
        c.setAnimated(false);
        c.setLegendVisible(true);
        return c;
    }

    private static ErrorDataSetRenderer points(DoubleDataSet ds) {
        return renderer(ds, false);
    }

    private static ErrorDataSetRenderer line(DoubleDataSet ds) {
        return renderer(ds, true);
    }

    /** A renderer for one data set: joined by a line, or as separate markers. */
    private static ErrorDataSetRenderer renderer(DoubleDataSet ds, boolean joined) {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setPolyLineStyle(joined ? LineStyle.NORMAL : LineStyle.NONE);
        r.setDrawMarker(!joined);
        r.setErrorStyle(io.fair_acc.chartfx.renderer.ErrorStyle.NONE);
        r.getDatasets().add(ds);
        return r;
    }

    public ConfusionMatrixView matrix() {
        return matrix;
    }

    public ListView<ExamplePrediction> samples() {
        return samples;
    }

    private static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text.length() > 2000 ? text.substring(0, 2000) + "…" : text);
        t.setWrapText(true);
        t.setMaxWidth(520);
        return t;
    }

    /** One example: its origin, confidence, and a thumbnail for images. */
    private final class SampleCell extends ListCell<ExamplePrediction> {
        private final ImageView thumb = new ImageView();

        SampleCell() {
            thumb.setFitWidth(40);
            thumb.setFitHeight(40);
            thumb.setPreserveRatio(true);
        }

        @Override
        protected void updateItem(ExamplePrediction e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null || shown == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            String where = shown.data().describeOrigin(e.origin());
            String row = e.origin() >= 1 && e.origin() <= shown.csvLines().size() ? ":  " + shown.csvLines().get(e.origin() - 1) : "";
            setText(String.format("%s%s  ·  %.0f %% sure", where, row, e.confidence() * 100));
            setTooltip(row.isEmpty() ? null : wrapped(row.substring(3)));
            if (!shown.data().imageFiles().isEmpty()) {
                Path file = shown.dataPath().resolve(where);
                if (Files.isRegularFile(file)) {
                    thumb.setImage(new Image(file.toUri().toString(), 40, 40, true, true, true));
                    setGraphic(thumb);
                    return;
                }
            }
            setGraphic(null);
        }
    }
}
