package dev.deepcanvas.runtime.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.util.stream.Stream;
import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's oneDNN helpers against DL4J's own layer code: for each configuration the same network,
 * built once with the helpers and once without, gives the same outputs and the same gradients
 * (relative tolerance 1e-4), and the helpers really are the ones running.
 */
class OneDnnHelpersTest {

    static final double TOLERANCE = 1e-4;

    /** True when the build took ND4J's native build with oneDNN (x86-64; ARM64 has none). */
    static boolean onednnBuild() {
        return System.getProperty("nd4j.native.classifier", "").endsWith("-onednn");
    }

    @BeforeAll
    static void onlyWithOneDnn() {
        assumeTrue(onednnBuild(), "ND4J publishes no oneDNN build for this platform");
    }

    @BeforeEach
    @AfterEach
    void helpersOn() {
        // global switches: a dilated convolution elsewhere in this JVM may have turned oneDNN off
        System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, "false");
        Nd4j.getEnvironment().allowHelpers(true);
    }

    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("conv 3×3 valid", new Object[] {"Conv2D", "filters", 4, "kernel", 3}),
                Arguments.of("conv 3×3 same", new Object[] {"Conv2D", "filters", 4, "kernel", 3, "padding", "same"}),
                Arguments.of("conv stride 2 valid", new Object[] {"Conv2D", "filters", 4, "kernel", 3, "stride", 2}),
                Arguments.of("conv stride 2 same", new Object[] {"Conv2D", "filters", 4, "kernel", 3, "stride", 2, "padding", "same"}),
                Arguments.of("conv 1×1", new Object[] {"Conv2D", "filters", 5, "kernel", 1}),
                Arguments.of("conv 2×2 stride 2 without bias", new Object[] {"Conv2D", "filters", 4, "kernel", 2, "stride", 2, "useBias", false}),
                Arguments.of("conv 5×5 same, tanh", new Object[] {"Conv2D", "filters", 3, "kernel", 5, "padding", "same", "activation", "tanh"}),
                Arguments.of("max pool 2 stride 2", new Object[] {"MaxPool2D", "pool", 2, "stride", 2}),
                Arguments.of("max pool 3 stride 1 same", new Object[] {"MaxPool2D", "pool", 3, "stride", 1, "padding", "same"}),
                Arguments.of("max pool 3 stride 2 same", new Object[] {"MaxPool2D", "pool", 3, "stride", 2, "padding", "same"}),
                Arguments.of("average pool 2 stride 2", new Object[] {"AvgPool2D", "pool", 2, "stride", 2}),
                Arguments.of("average pool 3 stride 2 same", new Object[] {"AvgPool2D", "pool", 3, "stride", 2, "padding", "same"}),
                Arguments.of("batch norm on images", new Object[] {"BatchNorm"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void with_and_without_helpers_the_outputs_and_gradients_agree(String name, Object[] layer) throws Exception {
        NetworkDocument doc = imageNetwork(layer);
        String probe = doc.nodes().get(1).id();
        ComputationGraph plain = build(doc, false);
        ComputationGraph helped = build(doc, true);
        assertEquals(plain.params(), helped.params(), "the same starting weights");
        assertNull(helperOf(plain.getLayer(probe)), "DL4J's own code");
        assertNotNull(helperOf(helped.getLayer(probe)), name + ": a oneDNN helper runs");

        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 3, 11, 11).subi(0.5);
        INDArray y = Nd4j.rand(DataType.FLOAT, 3, 2);
        assertClose(plain.outputSingle(false, x), helped.outputSingle(false, x), name + " output (inference)");
        assertClose(gradient(plain, x, y), gradient(helped, x, y), name + " gradient");
    }

    @Test
    void batch_norm_on_vectors_agrees_too() throws Exception {
        var b = new DocumentBuilder("bn");
        b.add("VectorInput", "features", 6);
        b.then("Dense", "units", 5);
        b.then("BatchNorm");
        b.then("Output", "units", 2, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 6);
        INDArray y = Nd4j.rand(DataType.FLOAT, 4, 2);
        assertClose(gradient(build(doc, false), x, y), gradient(build(doc, true), x, y), "batch norm on vectors");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dilated")
    void a_dilated_convolution_runs_without_onednn_and_agrees(String name, NetworkDocument doc, INDArray x, INDArray y) throws Exception {
        ComputationGraph plain = build(doc, false);
        Nd4j.getEnvironment().allowHelpers(true);
        ComputationGraph helped = build(doc, true);
        assertFalse(Nd4j.getEnvironment().helpersAllowed(), "ND4J's oneDNN kernels refuse dilation: they are off now");
        assertClose(plain.outputSingle(false, x), helped.outputSingle(false, x), name + " output");
        assertClose(gradient(plain, x, y), gradient(helped, x, y), name + " gradient");
    }

    static Stream<Arguments> dilated() {
        var conv2d = new DocumentBuilder("dilated 2-D");
        conv2d.add("ImageInput", "height", 11, "width", 11, "channels", 3);
        conv2d.then("Conv2D", "filters", 4, "kernel", 3, "dilation", 2, "padding", "same");
        conv2d.then("Flatten");
        conv2d.then("Output", "units", 2, "activation", "identity", "loss", "mse");
        var conv1d = new DocumentBuilder("dilated 1-D");
        conv1d.add("SequenceInput", "features", 3, "timeSteps", 12);
        conv1d.then("Conv1D", "filters", 4, "kernel", 3, "dilation", 2);
        conv1d.then("GlobalPooling", "type", "avg");
        conv1d.then("Output", "units", 2, "activation", "identity", "loss", "mse");
        return Stream.of(
                Arguments.of("Conv2D dilation 2 same", conv2d.build(), Nd4j.rand(DataType.FLOAT, 3, 3, 11, 11), Nd4j.rand(DataType.FLOAT, 3, 2)),
                Arguments.of("Conv1D dilation 2 valid", conv1d.build(), Nd4j.rand(DataType.FLOAT, 3, 3, 12), Nd4j.rand(DataType.FLOAT, 3, 2)));
    }

    @Test
    void the_shipped_build_runs_onednn() {
        assertTrue(OneDnn.active(), "ND4J's native build here has oneDNN and DL4J's check passes through the shim");
    }

    /** Input 11×11×3 → the layer under test → flatten → 2 outputs (so every output element gets a gradient). */
    private static NetworkDocument imageNetwork(Object[] layer) {
        var b = new DocumentBuilder("probe");
        b.add("ImageInput", "height", 11, "width", 11, "channels", 3);
        Object[] params = new Object[layer.length - 1];
        System.arraycopy(layer, 1, params, 0, params.length);
        b.then((String) layer[0], params);
        b.then("Flatten");
        b.then("Output", "units", 2, "activation", "identity", "loss", "mse");
        return b.build();
    }

    private static ComputationGraph build(NetworkDocument doc, boolean helpers) throws Exception {
        System.setProperty(DL4JSystemProperties.DISABLE_HELPER_PROPERTY, Boolean.toString(!helpers));
        return new NetworkCompiler().compile(doc);
    }

    private static INDArray gradient(ComputationGraph graph, INDArray x, INDArray y) {
        graph.setInputs(x);
        graph.setLabels(y);
        graph.computeGradientAndScore();
        return graph.gradient().gradient().dup();
    }

    private static LayerHelper helperOf(Layer layer) {
        if (layer instanceof ConvolutionLayer c) {
            return c.getHelper();
        }
        if (layer instanceof SubsamplingLayer s) {
            return s.getHelper();
        }
        if (layer instanceof BatchNormalization bn) {
            return bn.getHelper();
        }
        throw new IllegalArgumentException("no helper kind for " + layer);
    }

    private static void assertClose(INDArray expected, INDArray actual, String what) {
        assertEquals(expected.length(), actual.length(), what + " size");
        double[] e = expected.reshape(expected.length()).toDoubleVector();
        double[] a = actual.reshape(actual.length()).toDoubleVector();
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], TOLERANCE * Math.max(1, scale), what + " element " + i);
        }
    }
}
