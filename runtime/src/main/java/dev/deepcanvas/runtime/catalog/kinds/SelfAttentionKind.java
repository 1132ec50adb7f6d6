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
import org.deeplearning4j.nn.conf.layers.SelfAttentionLayer;

/**
 * Multi-head dot-product self-attention over a sequence (DL4J's SelfAttentionLayer). With
 * projection, each head has query, key and value matrices (F × headSize) and one output matrix
 * maps all heads to {@code units}; DL4J uses no biases here.
 */
public final class SelfAttentionKind extends AbstractKind {

    public SelfAttentionKind() {
        super(
                "SelfAttention",
                Group.ATTENTION,
                ParamSpec.integer("heads", 4, 1, 256),
                ParamSpec.integer("headSize", 16, 1, 65_536),
                ParamSpec.integer("units", 64, 1, 65_536),
                ParamSpec.bool("projectInput", true));
    }

    @Override
    public List<String> keyParams() {
        return List.of("heads", "headSize", "units");
    }

    @Override
    public LayerShape infer(ShapeContext c) throws ShapeProblem {
        Shape.Sequence in = Rules.sequence(c.input(), id());
        Params p = c.params();
        if (!p.bool("projectInput")) {
            if (p.integer("heads") != 1) {
                throw new ShapeProblem(
                        "Without input projection self-attention has exactly one head.",
                        "Set heads to 1, or turn projectInput on.");
            }
            return LayerShape.free(in);
        }
        long heads = p.integer("heads");
        long headSize = p.integer("headSize");
        int units = p.integer("units");
        long qkv = 3L * in.features() * heads * headSize;
        return LayerShape.of(new Shape.Sequence(units, in.timeSteps()), qkv + heads * headSize * units);
    }

    @Override
    public long flops(List<Shape> inputs, Shape output, long parameters, Params params) {
        // the projections (the default rule) plus, per head, the scores Q·Kᵀ and their use on V (2 × T² × headSize MACs) and the softmax (T²)
        long steps = Shapes.positions(output);
        long heads = params.bool("projectInput") ? params.integer("heads") : 1;
        long headSize = params.bool("projectInput") ? params.integer("headSize") : ((Shape.Sequence) inputs.get(0)).features();
        return 2 * parameters * steps + heads * steps * steps * (4 * headSize + 1);
    }

    @Override
    public Dl4jVertex compile(CompileContext c) {
        Params p = c.params();
        boolean project = p.bool("projectInput");
        int features = ((Shape.Sequence) c.inputShape()).features();
        return Dl4jVertex.layer(new SelfAttentionLayer.Builder()
                .nIn(features)
                .nOut(project ? p.integer("units") : features)
                .nHeads(p.integer("heads"))
                .headSize(p.integer("headSize"))
                .projectInput(project)
                .build());
    }
}
