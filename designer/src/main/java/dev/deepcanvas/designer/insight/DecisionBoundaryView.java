package dev.deepcanvas.designer.insight;

import dev.deepcanvas.designer.training.BoundaryData;
import dev.deepcanvas.runtime.insight.DecisionBoundary;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;

/**
 * The model's decision regions over two numeric features: each grid cell is coloured by the
 * predicted class, paler where the model is unsure, with the data's points on top in their true
 * classes. Redrawn whenever a new map arrives (every epoch while training).
 */
public final class DecisionBoundaryView extends VBox {

    /** Class colours, also used for the legend. */
    static final List<Color> COLOURS = List.of(Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
            Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#7f7f7f"));
    private static final double MARGIN = 44;

    private final Label heading = new Label("Train on data with two numeric features (e.g. Data ▸ Generate ▸ Moons) to see the decision regions.");
    private final HBox legend = new HBox(14);
    private final Canvas canvas = new Canvas(10, 10);
    private final Pane holder = new Pane(canvas);
    private BoundaryData data;
    private DecisionBoundary.Grid grid;
    private int draws;

    public DecisionBoundaryView() {
        getStyleClass().add("decision-boundary");
        setId("decision-boundary");
        setPadding(new Insets(12));
        setSpacing(8);
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        heading.getStyleClass().add("panel-heading");
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener((o, a, b) -> draw());
        canvas.heightProperty().addListener((o, a, b) -> draw());
        holder.setMinSize(200, 200);
        VBox.setVgrow(holder, Priority.ALWAYS);
        getChildren().addAll(heading, legend, holder);
    }

    /** New points (a new run); the previous map is dropped. */
    public void setData(BoundaryData points) {
        data = points;
        grid = null;
        legend.getChildren().clear();
        if (points != null) {
            heading.setText("Decision regions over " + points.xName() + " and " + points.yName()
                    + ": colour = predicted class (paler = less sure), points = true class.");
            for (int c = 0; c < points.classes().size(); c++) {
                Rectangle swatch = new Rectangle(14, 14, colour(c));
                Label l = new Label(points.classes().get(c), swatch);
                legend.getChildren().add(l);
            }
        }
        draw();
    }

    public void setGrid(DecisionBoundary.Grid newGrid) {
        grid = newGrid;
        draw();
    }

    static Color colour(int c) {
        return c < 0 ? Color.GRAY : COLOURS.get(c % COLOURS.size());
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (data == null || w < 2 * MARGIN || h < 2 * MARGIN) {
            return;
        }
        draws++;
        double pw = w - 2 * MARGIN;
        double ph = h - 2 * MARGIN;
        if (grid != null) {
            WritableImage image = new WritableImage(grid.columns(), grid.rows());
            PixelWriter px = image.getPixelWriter();
            for (int r = 0; r < grid.rows(); r++) {
                for (int c = 0; c < grid.columns(); c++) {
                    int i = r * grid.columns() + c;
                    double sure = Math.max(0, Math.min(1, grid.confidence()[i]));
                    Color base = colour(grid.predicted()[i]);
                    // row 0 is at yMin, drawn at the bottom
                    px.setColor(c, grid.rows() - 1 - r, Color.WHITE.interpolate(base, 0.15 + 0.45 * sure));
                }
            }
            g.setImageSmoothing(true);
            g.drawImage(image, MARGIN, MARGIN, pw, ph);
        }
        g.setStroke(Color.GRAY);
        g.strokeRect(MARGIN, MARGIN, pw, ph);
        double xs = pw / (data.xMax() - data.xMin());
        double ys = ph / (data.yMax() - data.yMin());
        g.setLineWidth(0.8);
        for (int i = 0; i < data.x().length; i++) {
            double x = MARGIN + (data.x()[i] - data.xMin()) * xs;
            double y = MARGIN + ph - (data.y()[i] - data.yMin()) * ys;
            g.setFill(colour(data.classOf()[i]));
            g.fillOval(x - 3, y - 3, 6, 6);
            g.setStroke(Color.WHITE);
            g.strokeOval(x - 3, y - 3, 6, 6);
        }
        g.setFill(Color.GRAY);
        g.setFont(Font.font(12));
        g.fillText(data.xName() + String.format("  [%.2g … %.2g]", data.xMin(), data.xMax()), MARGIN, h - 14);
        g.save();
        g.translate(16, MARGIN + ph);
        g.rotate(-90);
        g.fillText(data.yName() + String.format("  [%.2g … %.2g]", data.yMin(), data.yMax()), 0, 0);
        g.restore();
    }

    /** True once a map has been drawn under the points. */
    public boolean showsMap() {
        return grid != null && data != null && draws > 0;
    }

    public Canvas canvas() {
        return canvas;
    }
}
