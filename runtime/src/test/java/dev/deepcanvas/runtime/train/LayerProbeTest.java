package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.train.TrainingEvent.LayerActivity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerProbeTest {

    static List<LayerActivity> run(NetworkDocument doc, PreparedData data, String watched) throws Exception {
        Trainer t = new Trainer(new NetworkCompiler().compile(doc), data, doc.training(), null);
        LayerProbe probe = new LayerProbe(0);
        probe.watch(watched);
        t.setLayerProbe(probe);
        List<LayerActivity> samples = new ArrayList<>();
        t.addListener(e -> {
            if (e instanceof LayerActivity a) {
                samples.add(a);
            }
        });
        t.run();
        return samples;
    }

    @Test
    void layers_report_update_ratios_and_the_watched_layer_its_histograms() throws Exception {
        NetworkDocument doc = TrainerTest.classifier(TrainerTest.setup(3, 10));
        List<LayerActivity> samples = run(doc, SyntheticData.blobs(200, 0.5, 1), "dense_1");
        assertFalse(samples.isEmpty());
        LayerActivity first = samples.get(0);
        assertEquals(List.of("dense_1", "dropout_1", "output_1"), List.copyOf(first.layers().keySet()));
        LayerHealth dense = first.layers().get("dense_1");
        assertTrue(dense.updateRatio() > 0 && dense.updateRatio() < 1, "update ratio " + dense.updateRatio());
        assertEquals(2 * 8 + 8, dense.weights().total(), "a histogram of all 24 weights");
        assertEquals(10 * 8, dense.activations().total(), "a histogram of the batch's outputs");
        assertTrue(Double.isNaN(first.layers().get("dropout_1").updateRatio()), "no weights, no ratio");
        assertNull(first.layers().get("output_1").weights(), "only the watched layer has histograms");
    }

    @Test
    void a_learning_rate_far_too_high_is_named_on_the_layer() throws Exception {
        NetworkDocument doc = TrainerTest.classifier(TrainerTest.setup(2, 10).toBuilder().optimizer(Optimizer.SGD, 50).build());
        List<LayerActivity> samples = run(doc, SyntheticData.blobs(200, 0.5, 1), null);
        boolean flagged = samples.stream().flatMap(s -> s.layers().values().stream())
                .anyMatch(h -> h.advice().contains("learning rate is probably too high") || h.advice().contains("dead ReLUs"));
        assertTrue(flagged, samples.toString());
        assertNotNull(samples.get(0).layers().get("dense_1"));
    }
}
