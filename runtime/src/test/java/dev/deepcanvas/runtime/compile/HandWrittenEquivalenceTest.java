package dev.deepcanvas.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.shape.ShapeInference;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The compiler adds nothing at run time: for the benchmark networks its DL4J configuration is the
 * very one a DL4J user would write by hand (same layers, pre-processors, updater and seed), so the
 * two train at the same speed by construction (issue 3, benchmark a).
 */
class HandWrittenEquivalenceTest {

    static NeuralNetConfiguration.Builder base() {
        return new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(0.001, 0.9, 0.999, 1e-7)).weightInit(WeightInit.XAVIER)
                .dataType(DataType.FLOAT);
    }

    static ComputationGraphConfiguration compiled(NetworkDocument doc) throws Exception {
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.001).seed(42).build());
        return new NetworkCompiler().configure(doc, ShapeInference.analyse(doc));
    }

    @Test
    void the_mlp_compiles_to_the_hand_written_configuration() throws Exception {
        var b = new DocumentBuilder("mlp");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Flatten");
        b.then("Dense", "units", 256);
        b.then("Dense", "units", 128);
        b.then("Output", "units", 10);
        ComputationGraphConfiguration byHand = base().graphBuilder()
                .addInputs("image_input_1")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addVertex("flatten_1", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(28, 28, 1)), "image_input_1")
                .addLayer("dense_1", new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), "flatten_1")
                .addLayer("dense_2", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "dense_1")
                .addLayer("output_1", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "dense_2")
                .setOutputs("output_1")
                .build();
        assertEquals(byHand.toJson(), compiled(b.build()).toJson());
    }

    @Test
    void lenet_compiles_to_the_hand_written_configuration() throws Exception {
        var b = new DocumentBuilder("lenet");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Conv2D", "filters", 20, "kernel", 5, "padding", "same");
        b.then("MaxPool2D", "pool", 2, "stride", 2, "padding", "same");
        b.then("Conv2D", "filters", 50, "kernel", 5, "padding", "same");
        b.then("MaxPool2D", "pool", 2, "stride", 2, "padding", "same");
        b.then("Flatten");
        b.then("Dense", "units", 500);
        b.then("Output", "units", 10);
        ComputationGraphConfiguration byHand = base().graphBuilder()
                .addInputs("image_input_1")
                .setInputTypes(InputType.convolutional(28, 28, 1))
                .addLayer("conv2d_1", new ConvolutionLayer.Builder(5, 5).stride(1, 1).dilation(1, 1).nOut(20).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build(), "image_input_1")
                .addLayer("max_pool2d_1", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build(), "conv2d_1")
                .addLayer("conv2d_2", new ConvolutionLayer.Builder(5, 5).stride(1, 1).dilation(1, 1).nOut(50).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.RELU).build(), "max_pool2d_1")
                .addLayer("max_pool2d_2", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).build(), "conv2d_2")
                .addVertex("flatten_1", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(7, 7, 50)), "max_pool2d_2")
                .addLayer("dense_1", new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build(), "flatten_1")
                .addLayer("output_1", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build(), "dense_1")
                .setOutputs("output_1")
                .build();
        assertEquals(byHand.toJson(), compiled(b.build()).toJson());
    }
}
