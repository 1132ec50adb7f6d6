package dev.deepcanvas.runtime.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.shape.ShapeInference;
import org.junit.jupiter.api.Test;

/** FLOPs and memory of a design against counts worked out by hand. */
class DesignCostTest {

    private static DesignCost cost(NetworkDocument doc) {
        return DesignCost.of(doc, ShapeInference.analyse(doc));
    }

    @Test
    void dense_costs_two_flops_per_weight_and_bias() {
        var b = new DocumentBuilder("dense");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64, "activation", "relu");
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        // 20×64 weights + 64 biases, then 64×10 + 10: one multiply-accumulate each, 2 FLOPs
        long expected = 2 * (20 * 64 + 64) + 2 * (64 * 10 + 10);
        DesignCost c = cost(b.build());
        assertEquals(expected, c.forwardFlops());
        assertEquals(3 * expected, c.trainingFlops());
    }

    @Test
    void a_convolution_applies_its_kernel_at_every_output_pixel() {
        var b = new DocumentBuilder("conv");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Conv2D", "filters", 32, "kernel", 3, "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Flatten");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        // conv: 26×26 output pixels × 32 filters × (3×3×1 weights + 1 bias) MACs; pool: 13×13×32 outputs × 4 comparisons;
        // flatten is a copy; the output: 13×13×32 weights + 1 bias
        long conv = 2L * 26 * 26 * 32 * (3 * 3 * 1 + 1);
        long pool = 13L * 13 * 32 * 4;
        long output = 2L * (13 * 13 * 32 + 1);
        assertEquals(conv + pool + output, cost(doc).forwardFlops());
    }

    @Test
    void an_lstm_runs_its_four_gates_at_every_step() {
        var b = new DocumentBuilder("lstm");
        b.add("SequenceInput", "features", 10, "timeSteps", 5);
        b.then("LSTM", "units", 32);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        // per step: 4 gates × (10 inputs + 32 recurrent) × 32 units MACs + 4 × 32 biases (MACs), 5 steps;
        // the last step is picked (free); the output: 32 weights + 1 bias
        long perStep = 2L * (4 * (10 + 32) * 32 + 4 * 32);
        DesignCost c = cost(doc);
        assertEquals(5 * perStep + 2 * 33, c.forwardFlops());
        assertFalse(c.perStep());
    }

    @Test
    void a_variable_length_is_counted_per_step_and_said_so() {
        var b = new DocumentBuilder("tokens");
        b.add("TokenInput", "timeSteps", 0);
        b.then("Embedding", "vocabulary", 100, "dimension", 8);
        b.then("LSTM", "units", 4);
        b.then("LastTimeStep");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        DesignCost c = cost(b.build());
        assertTrue(c.perStep());
        assertEquals(2L * (4 * (8 + 4) * 4 + 4 * 4) + 2 * 5, c.forwardFlops(), "the embedding is a lookup: free");
    }

    @Test
    void memory_counts_weights_gradients_adam_state_and_each_layer_output_with_its_gradient() {
        var b = new DocumentBuilder("mem");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64);
        b.then("Output", "units", 10);
        NetworkDocument doc = b.build();
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.ADAM, 0.001).batchSize(32).build());
        DesignCost c = cost(doc);
        long params = 20 * 64 + 64 + 64 * 10 + 10;
        long outputs = 20 + 64 + 10;
        assertEquals(4 * (2 * params + 2 * params + 2 * outputs * 32), c.trainingBytes(32));
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.SGD, 0.01).build());
        assertEquals(4 * (2 * params + 2 * outputs * 32), cost(doc).trainingBytes(32), "plain SGD keeps no state");
    }

    @Test
    void a_run_that_does_not_fit_is_warned_about_with_the_batch_that_does() {
        var b = new DocumentBuilder("VGG16");
        b.add("ImageInput", "height", 224, "width", 224, "channels", 3);
        b.then("Conv2D", "filters", 64, "kernel", 3, "padding", "same");
        b.then("Conv2D", "filters", 64, "kernel", 3, "padding", "same");
        b.then("Flatten");
        b.then("Output", "units", 10);
        DesignCost c = cost(b.build());
        long sixGb = 6L << 30;
        String warning = c.memoryWarning("VGG16", 256, sixGb).orElseThrow();
        int fits = c.largestBatchWithin(sixGb);
        assertTrue(fits >= 1 && fits < 256, "fits " + fits);
        assertTrue(c.trainingBytes(fits) <= sixGb && c.trainingBytes(fits + 1) > sixGb);
        assertTrue(warning.startsWith("VGG16 at batch 256 needs about ") && warning.endsWith("ND4J may use 6.0 GB: batch " + fits + " fits."), warning);
        assertTrue(c.memoryWarning("VGG16", fits, sixGb).isEmpty());
    }
}
