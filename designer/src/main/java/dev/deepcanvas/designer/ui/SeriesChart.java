package dev.deepcanvas.designer.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.shape.Rectangle;

/**
 * Values over time as lines, with stretches of the time axis shaded and named behind them (the
 * training, validation and test parts of a series, or "forecast"). Missing values (NaN) are left
 * out of a line. Used by the Data tab, the evaluation of a forecast and Try It.
 */
public final class SeriesChart extends LineChart<Number, Number> {

    /** A shaded stretch of the time axis: {@code from} to {@code to}, named, styled by {@code styleClass}. */
    private record Stretch(double from, double to, Rectangle shade, Label name) {}

    private final List<Stretch> stretches = new ArrayList<>();

    public SeriesChart(String id, String title, String xLabel, String yLabel) {
        super(new NumberAxis(), new NumberAxis());
        setId(id);
        setTitle(title);
        getXAxis().setLabel(xLabel);
        getYAxis().setLabel(yLabel);
        ((NumberAxis) getXAxis()).setForceZeroInRange(false);
        ((NumberAxis) getYAxis()).setForceZeroInRange(false);
        setCreateSymbols(false);
        setAnimated(false);
        getStyleClass().add("series-chart");
    }

    /** Adds a line; points whose value is NaN are skipped. Returns the series (for tests and styling). */
    public XYChart.Series<Number, Number> line(String name, double[] x, double[] y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i])) {
                points.add(new XYChart.Data<>(x[i], y[i]));
            }
        }
        s.getData().setAll(points);
        getData().add(s);
        return s;
    }

    /** Shades {@code from}..{@code to} on the time axis behind the lines, with its name at the top. */
    public void shade(double from, double to, String name, String styleClass) {
        Rectangle r = new Rectangle();
        r.getStyleClass().addAll("stretch", styleClass);
        r.setMouseTransparent(true);
        Label l = new Label(name);
        l.getStyleClass().addAll("stretch-name", styleClass + "-name");
        l.setMouseTransparent(true);
        stretches.add(new Stretch(from, to, r, l));
        getPlotChildren().add(0, r);
        getPlotChildren().add(l);
        requestChartLayout();
    }

    /** The names of the shaded stretches, in the order added (for tests). */
    public List<String> stretchNames() {
        return stretches.stream().map(s -> s.name().getText()).toList();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double height = getYAxis().getHeight();
        for (Stretch s : stretches) {
            double left = Math.max(0, x.getDisplayPosition(s.from()));
            double right = Math.min(x.getWidth(), x.getDisplayPosition(s.to()));
            s.shade().setX(left);
            s.shade().setY(0);
            s.shade().setWidth(Math.max(0, right - left));
            s.shade().setHeight(height);
            s.name().autosize();
            double label = s.name().getWidth();
            // inside a wide stretch; just before a narrow one (a forecast one step ahead)
            s.name().relocate(right - left > label + 8 ? left + 4 : Math.max(0, left - label - 4), 2);
        }
    }
}
