package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.train.Histogram;
import dev.deepcanvas.runtime.train.LayerHealth;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The selected layer during training: its health in words and histograms of its weights and of
 * its outputs on a sampled batch.
 */
public final class LayerHistogramsView extends VBox {

    private final Label heading = new Label("Select a layer on the canvas to see its histograms while it trains.");
    private final Label advice = new Label();
    private final Canvas weights = new Canvas(260, 90);
    private final Canvas activations = new Canvas(260, 90);
    private final Label weightsLabel = new Label("Weights");
    private final Label activationsLabel = new Label("Outputs");

    public LayerHistogramsView() {
        setId("layer-histograms");
        getStyleClass().add("layer-histograms");
        setPadding(new Insets(8));
        setSpacing(4);
        heading.setWrapText(true);
        heading.getStyleClass().add("panel-heading");
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        advice.setWrapText(true);
        advice.setMaxWidth(260);
        getChildren().addAll(heading, advice, weightsLabel, weights, activationsLabel, activations);
        show(null, null);
    }

    /** Shows the selected layer's latest health (null: nothing yet or no layer selected). */
    public void show(String layer, Map<String, LayerHealth> all) {
        LayerHealth h = layer == null || all == null ? null : all.get(layer);
        boolean any = h != null && (h.weights() != null || h.activations() != null);
        weightsLabel.setVisible(any && h.weights() != null);
        activationsLabel.setVisible(any && h.activations() != null);
        if (h == null) {
            heading.setText(layer == null ? "Select a layer on the canvas to see its histograms while it trains."
                    : layer + ": no sample yet (layers are sampled a few times a second while training).");
            advice.setText("");
            draw(weights, null);
            draw(activations, null);
            return;
        }
        heading.setText(layer + String.format(": outputs mean %.3g, spread %.3g, %.0f %% zero", h.activationMean(), h.activationStd(),
                h.zeroFraction() * 100) + (Double.isNaN(h.updateRatio()) ? "" : String.format(", update ratio %.2g", h.updateRatio())));
        advice.setText(h.healthy() ? "Looks healthy." : h.advice());
        draw(weights, h.weights());
        draw(activations, h.activations());
    }

    /** True when a histogram is drawn (for tests). */
    public boolean showsHistograms() {
        return weightsLabel.isVisible() || activationsLabel.isVisible();
    }

    private static void draw(Canvas canvas, Histogram h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double ht = canvas.getHeight();
        g.clearRect(0, 0, w, ht);
        if (h == null || h.counts().length == 0) {
            return;
        }
        int max = 1;
        for (int c : h.counts()) {
            max = Math.max(max, c);
        }
        double bw = w / h.counts().length;
        double plot = ht - 16;
        g.setFill(Color.web("#4a90d9"));
        for (int i = 0; i < h.counts().length; i++) {
            double bh = plot * h.counts()[i] / max;
            g.fillRect(i * bw + 1, plot - bh, bw - 2, bh);
        }
        g.setFill(Color.GRAY);
        g.fillText(String.format("%.3g", h.min()), 0, ht - 2);
        String right = String.format("%.3g", h.max());
        g.fillText(right, w - 7 * right.length(), ht - 2);
    }
}
