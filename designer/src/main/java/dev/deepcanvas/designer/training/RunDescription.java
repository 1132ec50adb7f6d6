package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Names a run by what differs from the previous one, so overlaid curves say what changed: "Run 2:
 * learning rate 0.01 → 0.001", "Run 3: layers Dense 16 → Dense 32". The first run names its key
 * settings.
 */
public final class RunDescription {

    private RunDescription() {}

    /** @param previous the document of the previous run, or null for the first */
    public static String of(int number, NetworkDocument current, NetworkDocument previous) {
        TrainingSetup t = current.training();
        if (previous == null) {
            return "Run " + number + ": " + t.optimizer().name().toLowerCase(Locale.ROOT) + " lr " + num(t.learningRate()) + ", batch "
                    + t.batchSize();
        }
        TrainingSetup p = previous.training();
        List<String> changes = new ArrayList<>();
        if (t.optimizer() != p.optimizer()) {
            changes.add(p.optimizer().name().toLowerCase(Locale.ROOT) + " → " + t.optimizer().name().toLowerCase(Locale.ROOT));
        }
        if (t.learningRate() != p.learningRate()) {
            changes.add("lr " + num(p.learningRate()) + " → " + num(t.learningRate()));
        }
        if (t.batchSize() != p.batchSize()) {
            changes.add("batch " + p.batchSize() + " → " + t.batchSize());
        }
        if (t.seed() != p.seed()) {
            changes.add("seed " + p.seed() + " → " + t.seed());
        }
        if (t.epochs() != p.epochs()) {
            changes.add("epochs " + p.epochs() + " → " + t.epochs());
        }
        String layersBefore = layers(previous);
        String layersNow = layers(current);
        if (!layersBefore.equals(layersNow)) {
            changes.add("layers " + layersNow);
        }
        return "Run " + number + ": " + (changes.isEmpty() ? "same settings" : String.join(", ", changes));
    }

    /** The layers in order with their main size, e.g. "Dense 16, Dense 16, Output 3". */
    static String layers(NetworkDocument doc) {
        return doc.nodes().stream().filter(n -> !n.kind().endsWith("Input")).map(RunDescription::layer)
                .collect(Collectors.joining(", "));
    }

    private static String layer(LayerNode n) {
        Object size = n.params().get("units");
        if (size == null) {
            size = n.params().get("filters");
        }
        if (size == null) {
            size = n.params().get("rate");
        }
        return n.kind() + (size == null ? "" : " " + size);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
