package dev.deepcanvas.runtime.catalog;

import dev.deepcanvas.runtime.shape.Shape;
import java.util.List;

/**
 * What a compile rule may use: the validated parameters, the inferred shapes around the node, and
 * the network input it is fed from (DL4J's last-time-step vertex reads that input's mask).
 */
public record CompileContext(String nodeId, Params params, List<Shape> inputShapes, Shape outputShape, String feedingInput) {
    public Shape inputShape() {
        return inputShapes.get(0);
    }
}
