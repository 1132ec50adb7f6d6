package dev.deepcanvas.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.catalog.CompileContext;
import dev.deepcanvas.runtime.catalog.Dl4jVertex;
import dev.deepcanvas.runtime.catalog.Group;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.LayerShape;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Nesterovs;

class NetworkCompilerTest {

    /** A layer wired from the input but to no output is not in DL4J's graph, so it is not in the totals either. */
    @Test
    void a_layer_that_reaches_no_output_is_left_out_of_the_totals_as_dl4j_leaves_it_out() throws Exception {
        var b = new DocumentBuilder("dangling");
        String in = b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64);
        b.then("Output", "units", 10);
        b.from(in).then("Dense", "units", 1000);
        NetworkDocument doc = b.build();
        var analysis = ShapeInference.analyse(doc);
        assertEquals(21_000, analysis.info("dense_2").orElseThrow().parameters(), "the layer still shows its own count");
        assertEquals(20 * 64 + 64 + 64 * 10 + 10, analysis.totalParameters());
        assertEquals(analysis.totalParameters(), new NetworkCompiler().compile(doc).numParams());
        assertTrue(analysis.diagnosticsFor("dense_2").get(0).message().contains("not used by any output"));
    }

    static NetworkDocument kerasMlp(double dropRate) {
        var b = new DocumentBuilder("mlp");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64);
        b.then("Dropout", "rate", dropRate);
        b.then("Dense", "units", 64);
        b.then("Dropout", "rate", dropRate);
        b.then("Output", "units", 10);
        return b.build();
    }

    @Test
    void a_residual_add_around_dense_after_pooling_a_sequence_compiles_and_runs() throws Exception {
        // DL4J reports pooled sequences as sequences; the merge with the dense branch must see two vectors
        var b = new DocumentBuilder("pooled residual");
        b.add("SequenceInput", "features", 3, "timeSteps", 5);
        b.then("LSTM", "units", 4);
        String pooled = b.then("GlobalPooling", "type", "avg");
        String dense = b.then("Dense", "units", 4);
        b.merge("Add", List.of(dense, pooled));
        b.then("Output", "units", 2);
        ComputationGraph graph = new NetworkCompiler().compile(b.build());
        assertEquals(2, graph.outputSingle(Nd4j.rand(2, 3, 5)).size(1));
    }

    @Test
    void the_keras_mlp_compiles_to_6154_parameters_with_node_ids_as_vertex_names() throws Exception {
        ComputationGraph graph = new NetworkCompiler().compile(kerasMlp(0.5));
        assertEquals(6_154, graph.numParams());
        assertEquals(List.of("vector_input_1"), graph.getConfiguration().getNetworkInputs());
        assertEquals(List.of("output_1"), graph.getConfiguration().getNetworkOutputs());
        assertEquals(1_344, graph.getLayer("dense_1").numParams());
        var out = graph.outputSingle(Nd4j.rand(4, 20));
        assertEquals(4, out.rows());
        assertEquals(1.0, out.getRow(0).sumNumber().doubleValue(), 1e-5, "softmax rows sum to 1");
    }

    @Test
    void dropout_rate_is_the_drop_probability_so_dl4j_gets_the_keep_probability() throws Exception {
        ComputationGraph graph = new NetworkCompiler().compile(kerasMlp(0.3));
        var vertex = (LayerVertex) graph.getConfiguration().getVertices().get("dropout_1");
        var dropout = (org.deeplearning4j.nn.conf.dropout.Dropout) ((DropoutLayer) vertex.getLayerConf().getLayer()).getIDropout();
        assertEquals(0.7, dropout.getP(), 1e-12);
    }

    @Test
    void the_optimiser_settings_reach_dl4j() throws Exception {
        NetworkDocument doc = kerasMlp(0.5);
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.NESTEROV, 0.05).build());
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        var layer = ((LayerVertex) graph.getConfiguration().getVertices().get("dense_1")).getLayerConf().getLayer();
        var updater = (Nesterovs) ((org.deeplearning4j.nn.conf.layers.BaseLayer) layer).getIUpdater();
        assertEquals(0.05, updater.getLearningRate(), 1e-12);
        assertEquals(0.9, updater.getMomentum(), 1e-12);
    }

    @Test
    void an_embedding_keeps_its_vocabulary_size_despite_dl4j_overwriting_nin() throws Exception {
        var b = new DocumentBuilder("text");
        b.add("TokenInput", "timeSteps", 6);
        b.then("Embedding", "vocabulary", 1000, "dimension", 64);
        b.then("LSTM", "units", 128);
        b.then("LastTimeStep");
        b.then("Output", "units", 10);
        ComputationGraph graph = new NetworkCompiler().compile(b.build());
        var layer = (EmbeddingSequenceLayer) ((LayerVertex) graph.getConfiguration().getVertices().get("embedding_1")).getLayerConf().getLayer();
        assertEquals(1000, layer.getNIn());
        assertEquals(164_106, graph.numParams());
    }

    @Test
    void an_invalid_document_never_reaches_dl4j() {
        var b = new DocumentBuilder("bad");
        b.add("ImageInput");
        b.then("Dense");
        b.then("Output");
        // A catalog whose Dense would fail loudly if it were ever compiled.
        var e = assertThrows(CompileException.class, () -> new NetworkCompiler(catalogWhere("Dense", new ExplodingKind("Dense"))).compile(b.build()));
        assertEquals("dense_1", e.diagnostics().get(0).nodeId());
        assertTrue(e.diagnostics().get(0).message().startsWith("Dense needs a flat vector"));
    }

    @Test
    void a_failure_inside_a_compile_rule_is_reported_on_its_layer() {
        var b = new DocumentBuilder("boom");
        b.add("VectorInput");
        b.then("Dense");
        b.then("Output");
        var e = assertThrows(CompileException.class, () -> new NetworkCompiler(catalogWhere("Dense", new ExplodingKind("Dense"))).compile(b.build()));
        assertEquals("dense_1", e.diagnostics().get(0).nodeId());
        assertEquals("DL4J refused this layer: nIn must be positive", e.diagnostics().get(0).message());
    }

    @Test
    void unused_branches_are_left_out_of_the_dl4j_graph() throws Exception {
        NetworkDocument doc = kerasMlp(0.5);
        doc.add(dev.deepcanvas.runtime.document.LayerNode.of("stray", "Dense"));
        doc.connect("dense_1", "stray");
        assertTrue(ShapeInference.analyse(doc).isValid());
        ComputationGraph graph = new NetworkCompiler().compile(doc);
        assertEquals(6_154, graph.numParams());
        assertTrue(graph.getVertex("stray") == null);
    }

    @Test
    void two_inputs_and_two_outputs_keep_document_order() throws Exception {
        var b = new DocumentBuilder("two");
        String a = b.add("VectorInput", "features", 3);
        String c = b.add("VectorInput", "features", 2);
        b.merge("Concatenate", List.of(a, c));
        String trunk = b.then("Dense", "units", 8);
        b.then("Output", "units", 3);
        b.from(trunk).then("Output", "units", 1, "activation", "identity", "loss", "mse");
        ComputationGraph graph = new NetworkCompiler().compile(b.build());
        assertEquals(List.of("vector_input_1", "vector_input_2"), graph.getConfiguration().getNetworkInputs());
        assertEquals(List.of("output_1", "output_2"), graph.getConfiguration().getNetworkOutputs());
        var outs = graph.output(Nd4j.rand(5, 3), Nd4j.rand(5, 2));
        assertEquals(3, outs[0].columns());
        assertEquals(1, outs[1].columns());
    }

    private static LayerCatalog catalogWhere(String id, LayerKind replacement) {
        List<LayerKind> kinds = new ArrayList<>();
        for (LayerKind k : LayerCatalog.standard().kinds()) {
            kinds.add(k.id().equals(id) ? replacement : k);
        }
        return new LayerCatalog(kinds);
    }

    /** A kind whose shape rule accepts flat input but whose compile rule fails like DL4J would. */
    private record ExplodingKind(String id) implements LayerKind {
        @Override
        public Group group() {
            return Group.CORE;
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.integer("units", 64, 1, 10));
        }

        @Override
        public LayerShape infer(ShapeContext c) throws dev.deepcanvas.runtime.catalog.ShapeProblem {
            if (!(c.input() instanceof dev.deepcanvas.runtime.shape.Shape.Flat)) {
                throw new dev.deepcanvas.runtime.catalog.ShapeProblem("Dense needs a flat vector", "Insert Flatten");
            }
            return LayerShape.of(c.input(), 0);
        }

        @Override
        public Dl4jVertex compile(CompileContext c) {
            throw new IllegalArgumentException("nIn must be positive");
        }
    }
}
