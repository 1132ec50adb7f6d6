package dev.deepcanvas.runtime.train;

import dev.deepcanvas.runtime.data.Examples;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training batches of one run, gathered into the same Java and native arrays every step.
 * A fresh batch each step cost the MLP at batch 256 about 12 % of its step in allocation and
 * page faults (a new 800 KB float[] and a new native buffer; decision 0017). DL4J reads a batch
 * only during its {@code fit}, which returns before the next batch is gathered.
 */
final class BatchBuffers {

    private final Examples split;
    private final float[] features;
    private final float[] labels;
    private final float[] mask;
    private final boolean reuseNative = Nd4j.getEnvironment().isCPU();
    private final Map<Integer, INDArray[]> arrays = new HashMap<>();

    BatchBuffers(Examples split, int batchSize) {
        this.split = split;
        features = new float[batchSize * split.featureWidth()];
        labels = new float[batchSize * split.labelWidth()];
        mask = split.mask() == null ? null : new float[batchSize * split.timeSteps()];
    }

    /** Gathers {@code order[from..to)}; the returned features may be changed in place (augmentation) before {@link #dataSet}. */
    float[] gather(int[] order, int from, int to) {
        Batches.gather(split.features(), split.featureWidth(), features, order, from, to);
        Batches.gather(split.labels(), split.labelWidth(), labels, order, from, to);
        if (mask != null) {
            Batches.gather(split.mask(), split.timeSteps(), mask, order, from, to);
        }
        return features;
    }

    /** The gathered {@code count} examples as DL4J's arrays: the same arrays for every batch of this size. */
    DataSet dataSet(int count) {
        long[] shape = Batches.shape(split, count);
        long[] labelShape = {count, split.labelWidth()};
        long[] maskShape = {count, split.timeSteps()};
        if (!reuseNative) {
            return new DataSet(Batches.floats(prefix(features, count * split.featureWidth()), shape),
                    Batches.floats(prefix(labels, count * split.labelWidth()), labelShape),
                    mask == null ? null : Batches.floats(prefix(mask, count * split.timeSteps()), maskShape), null);
        }
        INDArray[] a = arrays.computeIfAbsent(count, c -> new INDArray[] {Nd4j.createUninitialized(DataType.FLOAT, shape, 'c'),
            Nd4j.createUninitialized(DataType.FLOAT, labelShape, 'c'), mask == null ? null : Nd4j.createUninitialized(DataType.FLOAT, maskShape, 'c')});
        a[0].data().asNioFloat().put(features, 0, count * split.featureWidth());
        a[1].data().asNioFloat().put(labels, 0, count * split.labelWidth());
        if (mask != null) {
            a[2].data().asNioFloat().put(mask, 0, count * split.timeSteps());
        }
        return new DataSet(a[0], a[1], a[2], null);
    }

    private static float[] prefix(float[] values, int length) {
        return length == values.length ? values : Arrays.copyOf(values, length);
    }
}
