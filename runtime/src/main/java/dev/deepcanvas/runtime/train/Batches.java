package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.data.Examples;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies chosen examples of a split into ND4J arrays of DL4J's layout. */
final class Batches {

    private Batches() {}

    /** Features of {@code order[from..to)} as one flat buffer (for augmentation before the copy to ND4J). */
    static float[] features(Examples split, int[] order, int from, int to) {
        float[] out = new float[(to - from) * split.featureWidth()];
        gather(split.features(), split.featureWidth(), out, order, from, to);
        return out;
    }

    /** Copies the rows {@code order[from..to)} of {@code width} values each from {@code source} to the start of {@code target}. */
    static void gather(float[] source, int width, float[] target, int[] order, int from, int to) {
        for (int i = from; i < to; i++) {
            System.arraycopy(source, order[i] * width, target, (i - from) * width, width);
        }
    }

    /** DL4J's shape of {@code count} examples of {@code split}: the batch, then one example's shape. */
    static long[] shape(Examples split, int count) {
        long[] shape = new long[split.exampleShape().length + 1];
        shape[0] = count;
        System.arraycopy(split.exampleShape(), 0, shape, 1, split.exampleShape().length);
        return shape;
    }

    static INDArray featureArray(Examples split, float[] values, int count) {
        return floats(values, shape(split, count));
    }

    /**
     * A float array of {@code shape} holding {@code values}. On the CPU one bulk copy into native
     * memory: {@code Nd4j.create(float[], ...)} zeroes the buffer and then copies value by value,
     * 4 % of a small network's training step (decision 0017).
     */
    static INDArray floats(float[] values, long[] shape) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return Nd4j.create(values, shape, 'c');
        }
        INDArray array = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        array.data().asNioFloat().put(values);
        return array;
    }

    /** The feature mask {@code [count, time]} of {@code order[from..to)}, or null when the split has none. */
    static INDArray maskArray(Examples split, int[] order, int from, int to) {
        if (split.mask() == null) {
            return null;
        }
        int t = split.timeSteps();
        float[] out = new float[(to - from) * t];
        gather(split.mask(), t, out, order, from, to);
        return floats(out, new long[] {to - from, t});
    }

    /** The network's output in inference mode, with the feature mask when there is one. */
    static INDArray output(ComputationGraph graph, INDArray features, INDArray mask) {
        if (mask == null) {
            return graph.outputSingle(false, features);
        }
        return graph.output(false, new INDArray[] {features}, new INDArray[] {mask})[0];
    }


    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
