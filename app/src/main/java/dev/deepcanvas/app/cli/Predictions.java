package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import java.util.ArrayList;
import java.util.List;

/** Runs a saved model over many inputs in batches. */
final class Predictions {

    static final int BATCH = 512;

    private Predictions() {}

    static List<Prediction> of(ModelBundle bundle, List<ModelInputs.Input> inputs) {
        List<Prediction> all = new ArrayList<>(inputs.size());
        for (int from = 0; from < inputs.size(); from += BATCH) {
            int to = Math.min(inputs.size(), from + BATCH);
            int width = inputs.get(from).features().length;
            float[] batch = new float[(to - from) * width];
            float[] mask = inputs.get(from).mask() == null ? null : new float[(to - from) * inputs.get(from).mask().length];
            double[] reference = new double[to - from];
            for (int i = from; i < to; i++) {
                ModelInputs.Input in = inputs.get(i);
                System.arraycopy(in.features(), 0, batch, (i - from) * width, width);
                if (mask != null) {
                    System.arraycopy(in.mask(), 0, mask, (i - from) * in.mask().length, in.mask().length);
                }
                reference[i - from] = in.reference();
            }
            all.addAll(bundle.predict(batch, mask, reference, to - from));
        }
        return all;
    }
}
