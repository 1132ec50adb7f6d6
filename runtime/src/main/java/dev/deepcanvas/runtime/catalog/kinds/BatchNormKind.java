package dev.deepcanvas.runtime.catalog.kinds;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.catalog.ShapeProblem;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.Shapes;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * Normalises each feature (or channel) over the batch. DL4J stores four vectors per feature —
 * gamma and beta, which are trained, and the running mean and variance, which are not — so the
 * count is 4·C, the same total Keras reports.
 */
public final class BatchNormKind extends AbstractKind {

    public BatchNormKind() {
        super(
                "BatchNorm",
                Group.CORE,
                ParamSpec.decimal("momentum", 0.9, 0.0, 0.9999),
                ParamSpec.decimal("epsilon", 1e-5, 1e-12, 1.0));
    }

    @Override
    public List<String> keyParams() {
        return List.of();
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape in = c.input();
        long features;
        if (in instanceof Shape.Flat f) {
            features = f.features();
        } else if (in instanceof Shape.Image i) {
            features = i.channels();
        } else {
            throw new ShapeProblem(
                    "BatchNorm works on flat vectors and images, not on " + in.family() + ".",
                    "For sequences use LayerNormalization; or place it after Dense or a convolution.");
        }
        return new LayerShape(in, 4 * features, 2 * features);
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // a scale and a shift per value (the form used for prediction)
        return 2 * Shapes.values(output);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        return Dl4jVertex.layer(new BatchNormalization.Builder()
                .decay(c.params().decimal("momentum"))
                .eps(c.params().decimal("epsilon"))
                .build());
    }
}
