package dev.deepcanvas.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The engine's numbers against DL4J's own: for many random valid networks covering every catalog
 * kind, inferred parameter counts equal {@code numParams()} (per layer and in total) and inferred
 * shapes equal the activation shapes of a real forward pass.
 */
class Dl4jAgreementTest {

    /** -Dagreement.networks and -Dagreement.seed draw more or other networks (by hand: more finds more). */
    private static final int NETWORKS = Integer.getInteger("agreement.networks", 80);
    private static final int BATCH = 2;

    @Test
    void inferred_counts_and_shapes_equal_dl4j_for_random_networks() throws Exception {
        RandomNetworks generator = new RandomNetworks(Long.getLong("agreement.seed", 20261121L));
        TreeSet<String> kindsSeen = new TreeSet<>();
        for (int i = 0; i < NETWORKS; i++) {
            NetworkDocument doc = generator.next(i);
            NetworkAnalysis analysis = ShapeInference.analyse(doc);
            assertTrue(analysis.isValid(), () -> doc + " should be valid: " + analysis.diagnostics());
            doc.nodes().forEach(n -> kindsSeen.add(n.kind()));

            ComputationGraph graph = new NetworkCompiler().compile(doc);
            String context = "network " + i + " " + doc.nodes().stream().map(LayerNode::kind).toList();
            for (LayerNode node : doc.nodes()) {
                var vertex = graph.getVertex(node.id());
                long dl4j = vertex == null || !vertex.hasLayer() ? 0 : vertex.getLayer().numParams();
                assertEquals(analysis.info(node.id()).orElseThrow().parameters(), dl4j,
                        node.id() + " parameters in " + context + " " + node.params() + ", input " + inputShapes(doc, analysis, node.id()));
            }
            // layer by layer first: a disagreement names its layer
            assertEquals(analysis.totalParameters(), graph.numParams(), "total parameters of " + context);

            Map<String, INDArray> activations;
            try {
                activations = graph.feedForward(inputsFor(doc, analysis), false);
            } catch (RuntimeException e) {
                throw new AssertionError("DL4J's forward pass failed for " + context + ": " + doc.nodes().stream()
                        .map(n -> n.kind() + n.params() + analysis.shapeOf(n.id()).map(Shape::display).orElse("?")).toList(), e);
            }
            for (LayerNode node : doc.nodes()) {
                NodeInfo info = analysis.info(node.id()).orElseThrow();
                assertArrayEquals(info.shape().activationShape(BATCH), activations.get(node.id()).shape(),
                        node.id() + " (" + node.kind() + ") shape " + info.shape().display() + " in " + context);
            }
        }
        List<String> missing = new ArrayList<>(LayerCatalog.standard().ids());
        missing.removeAll(kindsSeen);
        assertEquals(List.of(), missing, "every catalog kind appears in some generated network");
    }

    static List<String> inputShapes(NetworkDocument doc, NetworkAnalysis analysis, String id) {
        return doc.edges().stream().filter(e -> e.to().equals(id))
                .map(e -> analysis.shapeOf(e.from()).map(Shape::display).orElse("?")).toList();
    }

    /** Random inputs of the inferred shapes, in the order the compiler declares network inputs. */
    static INDArray[] inputsFor(NetworkDocument doc, NetworkAnalysis analysis) {
        LayerCatalog catalog = LayerCatalog.standard();
        return analysis.order().stream()
                .filter(id -> catalog.get(doc.node(id).orElseThrow().kind()).isNetworkInput())
                .map(id -> {
                    Shape s = analysis.shapeOf(id).orElseThrow();
                    INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, s.activationShape(BATCH));
                    // Token ids must be whole numbers below the vocabulary (at least 5 here).
                    return s instanceof Shape.Tokens ? Transforms.floor(x.muli(5), false) : x;
                })
                .toArray(INDArray[]::new);
    }

}
