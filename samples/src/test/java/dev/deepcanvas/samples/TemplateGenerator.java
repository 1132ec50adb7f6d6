package dev.deepcanvas.samples;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the architecture templates in samples/templates from their published definitions. Run by
 * hand after a format change: {@code ./mvnw -q -pl samples test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=dev.deepcanvas.samples.TemplateGenerator}. The
 * tests check the committed files against the published parameter counts, not against this code.
 */
public final class TemplateGenerator {

    private TemplateGenerator() {}

    public static Map<String, NetworkDocument> templates() {
        Map<String, NetworkDocument> t = new LinkedHashMap<>();
        t.put("keras-mlp", kerasMlp());
        t.put("keras-mnist-convnet", kerasMnistConvnet());
        t.put("dl4j-lenet", lenet());
        t.put("dl4j-alexnet", alexnet());
        t.put("keras-embedding-lstm", embeddingLstm());
        t.put("keras-transformer", transformer());
        t.put("vgg16", vgg16());
        t.put("resnet50", resnet50());
        return t;
    }

    /** The course's example: Keras' Sequential MLP for 20 features and 10 classes. */
    static NetworkDocument kerasMlp() {
        var b = new DocumentBuilder("Keras example MLP");
        b.add("VectorInput", "features", 20);
        b.then("Dense", "units", 64, "activation", "relu");
        b.then("Dropout", "rate", 0.5);
        b.then("Dense", "units", 64, "activation", "relu");
        b.then("Dropout", "rate", 0.5);
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /** keras.io "Simple MNIST convnet". */
    static NetworkDocument kerasMnistConvnet() {
        var b = new DocumentBuilder("Keras simple MNIST convnet");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Conv2D", "filters", 32, "kernel", 3, "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Conv2D", "filters", 64, "kernel", 3, "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2);
        b.then("Flatten");
        b.then("Dropout", "rate", 0.5);
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /** DL4J model zoo LeNet for 28×28×1 and 10 classes (same padding throughout). */
    static NetworkDocument lenet() {
        var b = new DocumentBuilder("DL4J zoo LeNet");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Conv2D", "filters", 20, "kernel", 5, "padding", "same", "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2, "padding", "same");
        b.then("Conv2D", "filters", 50, "kernel", 5, "padding", "same", "activation", "relu");
        b.then("MaxPool2D", "pool", 2, "stride", 2, "padding", "same");
        b.then("Flatten");
        b.then("Dense", "units", 500, "activation", "relu");
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /**
     * DL4J model zoo AlexNet for 224×224×3 and 1,000 classes, with its two LRN layers. The zoo's
     * cnn2 pads 2 with a 5×5 kernel and stride 1, and its first pooling runs in DL4J's Same mode:
     * "same" padding here gives exactly those shapes (54 → 27 → 27 → 13 → 13 → 6).
     */
    static NetworkDocument alexnet() {
        var b = new DocumentBuilder("DL4J zoo AlexNet");
        b.add("ImageInput", "height", 224, "width", 224, "channels", 3);
        b.then("Conv2D", "filters", 96, "kernel", 11, "stride", 4, "activation", "relu");
        b.then("LocalResponseNormalization");
        b.then("MaxPool2D", "pool", 3, "stride", 2, "padding", "same");
        b.then("Conv2D", "filters", 256, "kernel", 5, "padding", "same", "activation", "relu");
        b.then("MaxPool2D", "pool", 3, "stride", 2);
        b.then("LocalResponseNormalization");
        b.then("Conv2D", "filters", 384, "kernel", 3, "padding", "same", "activation", "relu");
        b.then("Conv2D", "filters", 384, "kernel", 3, "padding", "same", "activation", "relu");
        b.then("Conv2D", "filters", 256, "kernel", 3, "padding", "same", "activation", "relu");
        b.then("MaxPool2D", "pool", 3, "stride", 2);
        b.then("Flatten");
        b.then("Dense", "units", 4096, "activation", "relu");
        b.then("Dropout", "rate", 0.5);
        b.then("Dense", "units", 4096, "activation", "relu");
        b.then("Output", "units", 1000, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /** Keras guide: Embedding(1000, 64) → LSTM(128) → Dense(10); LastTimeStep is Keras' return_sequences=False. */
    static NetworkDocument embeddingLstm() {
        var b = new DocumentBuilder("Keras Embedding-LSTM text classifier");
        b.add("TokenInput", "timeSteps", 0);
        b.then("Embedding", "vocabulary", 1000, "dimension", 64);
        b.then("LSTM", "units", 128);
        b.then("LastTimeStep");
        b.then("Output", "units", 10, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /**
     * keras.io "Text classification with Transformer": token and position embeddings (200 tokens,
     * 20,000 words, 32 dimensions), one encoder block (2 heads, feed-forward 32), average over the
     * words, Dense(20), two classes.
     */
    static NetworkDocument transformer() {
        var b = new DocumentBuilder("Keras Transformer text classifier");
        b.add("TokenInput", "timeSteps", 200);
        b.then("Embedding", "vocabulary", 20_000, "dimension", 32);
        String positions = b.then("PositionEmbedding");
        encoderBlock(b, positions, 2, 32, 32, 32, 0.1, 1e-6);
        b.then("GlobalPooling", "type", "avg");
        b.then("Dropout", "rate", 0.1);
        b.then("Dense", "units", 20, "activation", "relu");
        b.then("Dropout", "rate", 0.1);
        b.then("Output", "units", 2, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /**
     * One Transformer encoder block after {@code in} (a sequence of {@code dimension} features), as
     * the course draws it: multi-head self-attention, add &amp; norm, a feed-forward network applied
     * to every step, add &amp; norm. Returns the id of its last layer.
     */
    static String encoderBlock(DocumentBuilder b, String in, int heads, int headSize, int dimension, int feedForward,
            double dropout, double epsilon) {
        b.from(in);
        b.then("SelfAttention", "heads", heads, "headSize", headSize, "units", dimension);
        String attention = dropout > 0 ? b.then("Dropout", "rate", dropout) : b.current();
        b.merge("Add", List.of(in, attention));
        String norm = b.then("LayerNormalization", "epsilon", epsilon);
        b.then("Dense", "units", feedForward, "activation", "relu");
        b.then("Dense", "units", dimension, "activation", "identity");
        String ffn = dropout > 0 ? b.then("Dropout", "rate", dropout) : b.current();
        b.merge("Add", List.of(norm, ffn));
        return b.then("LayerNormalization", "epsilon", epsilon);
    }

    /** VGG16 with its top, as in keras.applications. */
    static NetworkDocument vgg16() {
        var b = new DocumentBuilder("VGG16");
        b.add("ImageInput", "height", 224, "width", 224, "channels", 3);
        int[][] blocks = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int[] block : blocks) {
            for (int filters : block) {
                b.then("Conv2D", "filters", filters, "kernel", 3, "padding", "same", "activation", "relu");
            }
            b.then("MaxPool2D", "pool", 2, "stride", 2);
        }
        b.then("Flatten");
        b.then("Dense", "units", 4096, "activation", "relu");
        b.then("Dense", "units", 4096, "activation", "relu");
        b.then("Output", "units", 1000, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    /**
     * ResNet-50 as in keras.applications: convolutions with bias, BatchNorm after each, bottleneck
     * blocks whose first 1×1 convolution carries the stride. Keras pads explicitly before the 7×7
     * convolution and the first pooling; "same" padding gives the same shapes here.
     */
    static NetworkDocument resnet50() {
        var b = new DocumentBuilder("ResNet-50");
        b.add("ImageInput", "height", 224, "width", 224, "channels", 3);
        b.then("Conv2D", "filters", 64, "kernel", 7, "stride", 2, "padding", "same", "activation", "identity");
        b.then("BatchNorm", "epsilon", 1.001e-5);
        b.then("Activation", "function", "relu");
        b.then("MaxPool2D", "pool", 3, "stride", 2, "padding", "same");
        int[] blocks = {3, 4, 6, 3};
        int[] widths = {64, 128, 256, 512};
        for (int stage = 0; stage < 4; stage++) {
            for (int block = 0; block < blocks[stage]; block++) {
                int stride = block == 0 && stage > 0 ? 2 : 1;
                bottleneck(b, widths[stage], stride, block == 0);
            }
        }
        b.then("GlobalPooling", "type", "avg");
        b.then("Output", "units", 1000, "activation", "softmax", "loss", "cross_entropy");
        return b.build();
    }

    private static void bottleneck(DocumentBuilder b, int width, int stride, boolean projectShortcut) {
        String in = b.current();
        convBn(b, width, 1, stride, true);
        convBn(b, width, 3, 1, true);
        convBn(b, 4 * width, 1, 1, false);
        String main = b.current();
        String shortcut = in;
        if (projectShortcut) {
            b.from(in);
            convBn(b, 4 * width, 1, stride, false);
            shortcut = b.current();
        }
        List<String> branches = new ArrayList<>(List.of(shortcut, main));
        b.merge("Add", branches);
        b.then("Activation", "function", "relu");
    }

    private static void convBn(DocumentBuilder b, int filters, int kernel, int stride, boolean relu) {
        b.then("Conv2D", "filters", filters, "kernel", kernel, "stride", stride, "padding", "same", "activation", "identity");
        b.then("BatchNorm", "epsilon", 1.001e-5);
        if (relu) {
            b.then("Activation", "function", "relu");
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "templates");
        var files = new DocumentFiles();
        for (var e : templates().entrySet()) {
            Path file = dir.resolve(e.getKey() + DocumentFiles.EXTENSION);
            files.save(e.getValue(), file);
            System.out.println("wrote " + file);
        }
    }
}
