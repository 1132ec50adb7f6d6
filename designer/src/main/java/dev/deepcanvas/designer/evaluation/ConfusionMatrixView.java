package dev.deepcanvas.designer.evaluation;

import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The confusion matrix as a heatmap: rows are the actual classes, columns the predicted ones; a
 * cell's shade is its share of the row (the diagonal is green, mistakes red). Clicking a cell
 * reports it, so the caller can list those examples.
 */
public final class ConfusionMatrixView extends GridPane {

    private BiConsumer<Integer, Integer> onCell = (a, p) -> {};
    private long[][] counts = new long[0][0];

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        setId("confusion-matrix");
        setHgap(2);
        setVgap(2);
    }

    public void onCell(BiConsumer<Integer, Integer> listener) {
        onCell = listener;
    }

    public void show(ClassificationReport report) {
        getChildren().clear();
        List<String> classes = report.classes();
        counts = report.confusion();
        int n = classes.size();
        Label corner = new Label("actual ↓\npredicted →");
        corner.setMinWidth(Region.USE_PREF_SIZE);
        corner.getStyleClass().add("cm-corner");
        add(corner, 0, 0);
        for (int c = 0; c < n; c++) {
            Label head = new Label(classes.get(c));
            head.getStyleClass().add("cm-head");
            head.setMaxWidth(Double.MAX_VALUE);
            head.setAlignment(Pos.CENTER);
            head.setMinWidth(Region.USE_PREF_SIZE);
            add(head, c + 1, 0);
            Label row = new Label(classes.get(c));
            row.getStyleClass().add("cm-head");
            row.setMinWidth(Region.USE_PREF_SIZE);
            add(row, 0, c + 1);
        }
        for (int a = 0; a < n; a++) {
            long rowTotal = 0;
            for (int p = 0; p < n; p++) {
                rowTotal += counts[a][p];
            }
            for (int p = 0; p < n; p++) {
                long count = counts[a][p];
                double share = rowTotal == 0 ? 0 : count / (double) rowTotal;
                Label cell = new Label(Long.toString(count));
                cell.setId("cm-" + a + "-" + p);
                cell.getStyleClass().add("cm-cell");
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(64, 48);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                Color base = a == p ? Color.web("#2da44e") : Color.web("#cf222e");
                Color fill = count == 0 ? Color.TRANSPARENT : base.deriveColor(0, 1, 1, 0.15 + 0.85 * share);
                cell.setStyle("-fx-background-color: " + web(fill) + ";" + (share > 0.55 ? " -fx-text-fill: white;" : ""));
                cell.setTooltip(new javafx.scene.control.Tooltip(count + " " + report.classes().get(a) + " predicted as "
                        + report.classes().get(p) + " — click to list them"));
                int actual = a;
                int predicted = p;
                cell.setOnMouseClicked(e -> onCell.accept(actual, predicted));
                add(cell, p + 1, a + 1);
            }
        }
    }

    private static String web(Color c) {
        return String.format("rgba(%d,%d,%d,%.3f)", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255),
                c.getOpacity());
    }

    /** The counts shown (rows actual, columns predicted). */
    public long[][] counts() {
        return counts;
    }
}
