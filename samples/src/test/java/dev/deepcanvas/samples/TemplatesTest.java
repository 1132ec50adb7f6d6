package dev.deepcanvas.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.Shape;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.zoo.model.AlexNet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The architecture templates against numbers no one here wrote: the parameter counts published by
 * Keras (model.summary()) and by DL4J's model zoo, checked by our inference and by DL4J itself.
 */
class TemplatesTest {

    static final Path TEMPLATES = Path.of("templates");

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of("keras-mlp", 6_154L, 6_154L),
                Arguments.of("keras-mnist-convnet", 34_826L, 34_826L),
                Arguments.of("dl4j-lenet", 1_256_080L, 1_256_080L),
                // DL4J's model zoo AlexNet: numParams() of the zoo's own network, checked below
                Arguments.of("dl4j-alexnet", 62_378_344L, 62_378_344L),
                Arguments.of("keras-embedding-lstm", 164_106L, 164_106L),
                // Keras: 657,758, counted layer by layer from its documented formulas (token 640,000 +
                // position 6,400 + attention 8,416 + feed-forward 2,112 + norms 128 + Dense(20) 660 +
                // Dense(2) 42). DL4J's self-attention has no biases: 3 × 64 + 32 = 224 fewer.
                Arguments.of("keras-transformer", 657_758L - 224, 657_758L - 224),
                Arguments.of("vgg16", 138_357_544L, 138_357_544L),
                // Keras: Total params 25,636,712; Trainable 25,583,592 (BatchNorm means and variances are not).
                Arguments.of("resnet50", 25_636_712L, 25_583_592L));
    }

    static NetworkDocument load(String name) throws Exception {
        return new DocumentFiles().load(TEMPLATES.resolve(name + DocumentFiles.EXTENSION));
    }

    @ParameterizedTest(name = "{0} has {1} parameters in DeepCanvas and in DL4J")
    @MethodSource("published")
    void template_matches_the_published_parameter_count(String name, long total, long trainable) throws Exception {
        NetworkDocument doc = load(name);
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        assertEquals(List.of(), analysis.diagnostics());
        assertEquals(total, analysis.totalParameters());
        assertEquals(trainable, analysis.trainableParameters());

        ComputationGraph graph = new NetworkCompiler().compile(doc);
        assertEquals(total, graph.numParams(), "DL4J's numParams()");

        Map<String, INDArray> activations = graph.feedForward(inputs(doc, analysis), false);
        for (LayerNode node : doc.nodes()) {
            assertArrayEquals(withLength(analysis.shapeOf(node.id()).orElseThrow().activationShape(1)), activations.get(node.id()).shape(), node.id());
        }
    }

    @Test
    void the_alexnet_template_has_the_zoo_s_count_and_layer_shapes() throws Exception {
        MultiLayerNetwork zoo = AlexNet.builder().numClasses(1000).build().init();
        assertEquals(62_378_344L, zoo.numParams(), "the zoo's own AlexNet");
        NetworkDocument doc = load("dl4j-alexnet");
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        List<Long> ours = doc.nodes().stream().map(n -> analysis.info(n.id()).orElseThrow().parameters()).filter(p -> p > 0).toList();
        List<Long> zoos = Arrays.stream(zoo.getLayers()).map(l -> l.numParams()).filter(p -> p > 0).toList();
        assertEquals(zoos, ours, "layer by layer");
        assertEquals(2, doc.nodes().stream().filter(n -> n.kind().equals("LocalResponseNormalization")).count());
    }

    @Test
    void every_template_file_is_in_canonical_form() throws Exception {
        List<Path> files;
        try (var list = Files.list(TEMPLATES)) {
            files = list.filter(p -> p.toString().endsWith(DocumentFiles.EXTENSION)).sorted().toList();
        }
        assertEquals(8, files.size(), files::toString);
        DocumentJson json = new DocumentJson();
        for (Path file : files) {
            String text = Files.readString(file);
            assertEquals(text, json.write(json.read(text)), file + " reads and writes back byte for byte");
        }
    }

    @Test
    void the_generator_still_produces_the_committed_templates() throws Exception {
        for (var e : TemplateGenerator.templates().entrySet()) {
            assertEquals(e.getValue(), load(e.getKey()), e.getKey() + ": regenerate with TemplateGenerator");
        }
    }

    @Test
    void the_keras_mlp_template_is_the_course_example() throws Exception {
        NetworkDocument doc = load("keras-mlp");
        assertEquals(List.of("VectorInput", "Dense", "Dropout", "Dense", "Dropout", "Output"), doc.nodes().stream().map(LayerNode::kind).toList());
        assertEquals(0.5, doc.node("dropout_1").orElseThrow().params().get("rate"));
        assertEquals("softmax", doc.node("output_1").orElseThrow().params().get("activation"));
        assertEquals("cross_entropy", doc.node("output_1").orElseThrow().params().get("loss"));
        assertEquals("ADAM", doc.training().optimizer().name());
        assertTrue(ShapeInference.analyse(doc).isValid());
    }

    /** Variable sequence lengths are run with 8 steps. */
    private static long[] withLength(long[] shape) {
        if (shape[shape.length - 1] == Shape.VARIABLE) {
            shape[shape.length - 1] = 8;
        }
        return shape;
    }

    /** One example per network input; token inputs get ids and variable lengths become 8 steps. */
    private static INDArray[] inputs(NetworkDocument doc, NetworkAnalysis analysis) {
        LayerCatalog catalog = LayerCatalog.standard();
        return analysis.order().stream()
                .filter(id -> catalog.get(doc.node(id).orElseThrow().kind()).isNetworkInput())
                .map(id -> {
                    long[] shape = withLength(analysis.shapeOf(id).orElseThrow().activationShape(1));
                    INDArray x = Nd4j.rand(DataType.FLOAT, shape);
                    return analysis.shapeOf(id).orElseThrow() instanceof Shape.Tokens ? Transforms.floor(x.muli(100), false) : x;
                })
                .toArray(INDArray[]::new);
    }
}
