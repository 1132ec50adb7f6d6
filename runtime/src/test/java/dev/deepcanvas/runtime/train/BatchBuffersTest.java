package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.deepcanvas.runtime.data.Examples;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

class BatchBuffersTest {

    /** 5 sequences of 3 steps × 2 features, 2 classes, with masks: example i holds values 100 i + position. */
    private static Examples sequences() {
        int n = 5;
        float[] features = new float[n * 6];
        float[] labels = new float[n * 2];
        float[] mask = new float[n * 3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 6; j++) {
                features[i * 6 + j] = 100 * i + j;
            }
            labels[i * 2 + i % 2] = 1;
            for (int t = 0; t < 3; t++) {
                mask[i * 3 + t] = t <= i % 3 ? 1 : 0;
            }
        }
        return new Examples(new long[] {2, 3}, features, 2, labels, new int[] {1, 2, 3, 4, 5}, mask, null);
    }

    @Test
    void every_batch_holds_exactly_its_examples_in_the_same_reused_arrays() {
        Examples split = sequences();
        int[] order = {4, 1, 3, 0, 2};
        BatchBuffers buffers = new BatchBuffers(split, 2);
        buffers.gather(order, 0, 2);
        DataSet first = buffers.dataSet(2);
        assertArrayEquals(new long[] {2, 2, 3}, first.getFeatures().shape());
        assertArrayEquals(Batches.features(split, order, 0, 2), first.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {1, 0, 0, 1}, first.getLabels().data().asFloat());
        assertArrayEquals(new float[] {1, 1, 0, 1, 1, 0}, first.getFeaturesMaskArray().data().asFloat());

        buffers.gather(order, 2, 4);
        DataSet second = buffers.dataSet(2);
        assertSame(first.getFeatures(), second.getFeatures(), "a full batch reuses the native arrays");
        assertArrayEquals(Batches.features(split, order, 2, 4), second.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {0, 1, 1, 0}, second.getLabels().data().asFloat());

        buffers.gather(order, 4, 5);
        DataSet last = buffers.dataSet(1);
        assertArrayEquals(new long[] {1, 2, 3}, last.getFeatures().shape());
        assertArrayEquals(Batches.features(split, order, 4, 5), last.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {1, 0}, last.getLabels().data().asFloat());
        assertArrayEquals(new float[] {1, 1, 1}, last.getFeaturesMaskArray().data().asFloat());
    }

    @Test
    void a_split_without_masks_has_none() {
        Examples flat = new Examples(new long[] {2}, new float[] {1, 2, 3, 4}, 1, new float[] {5, 6}, new int[] {1, 2});
        BatchBuffers buffers = new BatchBuffers(flat, 2);
        buffers.gather(new int[] {1, 0}, 0, 2);
        DataSet d = buffers.dataSet(2);
        assertArrayEquals(new float[] {3, 4, 1, 2}, d.getFeatures().data().asFloat());
        assertArrayEquals(new float[] {6, 5}, d.getLabels().data().asFloat());
        assertNull(d.getFeaturesMaskArray());
    }
}
