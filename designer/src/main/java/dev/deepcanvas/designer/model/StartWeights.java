package dev.deepcanvas.designer.model;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.WeightTransfer;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Path;
import java.util.Map;

/**
 * The trained model the next run starts from (Train → Start from Trained Weights…), with its
 * design analysed once so the canvas can show after every edit which layers keep its weights.
 */
public record StartWeights(Path file, ModelBundle bundle, NetworkAnalysis analysis) {

    public static StartWeights of(Path file, ModelBundle bundle) {
        return new StartWeights(file, bundle, ShapeInference.analyse(bundle.document()));
    }

    /** For each layer with weights: null when it keeps the model's, else why it starts fresh. */
    public Map<String, String> preview(NetworkDocument design, NetworkAnalysis designAnalysis) {
        return WeightTransfer.preview(bundle.document(), analysis, design, designAnalysis);
    }
}
