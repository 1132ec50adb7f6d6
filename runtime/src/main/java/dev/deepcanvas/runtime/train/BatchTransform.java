package dev.deepcanvas.runtime.train;

import java.util.Random;

/** Changes a training batch in place before it is fitted (image augmentation). */
@FunctionalInterface
public interface BatchTransform {

    void apply(float[] features, int examples, Random random);
}
