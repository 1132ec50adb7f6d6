package dev.deepcanvas.runtime.export;

import dev.deepcanvas.runtime.catalog.Activations;
import dev.deepcanvas.runtime.catalog.Params;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.export.ExportGraph.Step;
import dev.deepcanvas.runtime.io.AtomicFiles;
import dev.deepcanvas.runtime.shape.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A network as a small Maven project for DL4J 1.0.0-M2.1: a pom with pinned versions and one
 * {@code Main.java} whose {@code configuration()} is the graph DeepCanvas compiles, one line per
 * layer with its id and output shape, and a {@code train} loop with the project's epochs,
 * batch size, seed, optimiser and schedule. DeepCanvas's own DL4J layers (layer normalisation,
 * position embedding, masked sequence pooling) are not carried over: such a network is refused by
 * name. Data loading is left to the caller ({@code train} takes DL4J iterators).
 */
public final class JavaExporter {

    public static final String POM = "pom.xml";
    public static final String MAIN = "src/main/java/Main.java";
    static final String DL4J_VERSION = "1.0.0-M2.1";

    public ExportResult export(NetworkDocument doc, Path folder) throws ExportException, IOException {
        ExportGraph graph = ExportGraph.of(doc);
        String main = source(graph);
        Path pom = folder.resolve(POM);
        Path java = folder.resolve(MAIN);
        Files.createDirectories(java.getParent());
        AtomicFiles.write(pom, pom(doc).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(java, main.getBytes(StandardCharsets.UTF_8));
        List<String> notes = new ArrayList<>();
        if (doc.data().isPresent()) {
            notes.add("The Java code has no data loading yet: give Main.train DL4J iterators of the project's examples.");
        }
        if (doc.training().patience() > 0 || doc.training().keepBest()) {
            notes.add("Main.train has no early stopping or best-epoch keeping; the project's settings for them are left out.");
        }
        return new ExportResult(List.of(pom, java), graph.analysis().trainableParameters(), false, notes);
    }

    /** Main.java. */
    public String source(NetworkDocument doc) throws ExportException {
        return source(ExportGraph.of(doc));
    }

    private String source(ExportGraph graph) throws ExportException {
        NetworkDocument doc = graph.document();
        TrainingSetup t = doc.training();
        TreeSet<String> imports = new TreeSet<>(List.of("org.deeplearning4j.nn.conf.ComputationGraphConfiguration",
                "org.deeplearning4j.nn.conf.NeuralNetConfiguration", "org.deeplearning4j.nn.conf.inputs.InputType", "org.deeplearning4j.nn.graph.ComputationGraph",
                "org.deeplearning4j.nn.weights.WeightInit", "org.nd4j.linalg.api.buffer.DataType", "org.nd4j.evaluation.IEvaluation",
                "org.nd4j.linalg.dataset.api.iterator.DataSetIterator"));
        StringBuilder layers = new StringBuilder();
        List<String> afterBuild = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> inputTypes = new ArrayList<>();
        for (Step s : graph.steps()) {
            String comment = " // " + comment(s.id()) + ": " + s.shape().display();
            if (s.kind().isNetworkInput()) {
                inputs.add(str(s.id()));
                inputTypes.add(inputType(s.shape()));
                continue;
            }
            String from = String.join(", ", graph.analysis().inputsOf().getOrDefault(s.id(), List.of()).stream().map(JavaExporter::str).toList());
            Vertex v = vertex(s, graph, imports);
            if (s.info().frozen()) {
                // frozen: keeps its weights; gradients still reach the layers before it
                imports.add("org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop");
                v = new Vertex(true, "new FrozenLayerWithBackprop(" + v.code() + ")");
            }
            layers.append("                .").append(v.layer() ? "addLayer(" : "addVertex(").append(str(s.id())).append(", ").append(v.code())
                    .append(", ").append(from).append(")").append(comment).append('\n');
            if (s.kind().id().equals("Embedding")) {
                imports.add("org.deeplearning4j.nn.conf.graph.LayerVertex");
                String layer = "((LayerVertex) conf.getVertices().get(" + str(s.id()) + ")).getLayerConf().getLayer()";
                if (s.info().frozen()) {
                    layer = "((FrozenLayerWithBackprop) " + layer + ").getUnderlying()";
                }
                afterBuild.add("        // DL4J M2.1 sets an embedding's input size from the input type (one feature); put the vocabulary back\n"
                        + "        ((EmbeddingSequenceLayer) " + layer + ").setNIn(" + s.params().integer("vocabulary") + ");\n");
            }
        }
        List<Step> outputs = new ArrayList<>(graph.outputs());
        outputs.sort(Comparator.comparingInt(o -> doc.indexOf(o.id())));
        String updater = updater(t, imports);
        boolean classification = graph.outputs().stream().allMatch(o -> o.params().choice("loss").endsWith("cross_entropy"));
        imports.add(classification ? "org.nd4j.evaluation.classification.Evaluation" : "org.nd4j.evaluation.regression.RegressionEvaluation");
        if (t.gradientClip() > 0) {
            imports.add("org.deeplearning4j.nn.conf.GradientNormalization");
        }

        StringBuilder j = new StringBuilder();
        j.append("\n/**\n * ").append(comment(doc.name())).append(", exported from DeepCanvas as DL4J ").append(DL4J_VERSION).append(".\n *\n");
        j.append(" * <p>{@link #configuration()} is the graph DeepCanvas builds, one line per layer with its id and\n");
        j.append(String.format(Locale.ROOT, " * output shape (%,d parameters). DeepCanvas also turns on DL4J's oneDNN helpers (its decision 0015);\n",
                graph.analysis().totalParameters()));
        j.append(" * this code runs on DL4J's own kernels. Run: {@code mvn -q compile exec:java}\n */\n");
        j.append("public final class Main {\n\n");
        j.append("    static final long SEED = ").append(t.seed()).append("L;\n");
        j.append("    static final int BATCH_SIZE = ").append(t.batchSize()).append(";\n");
        j.append("    static final int EPOCHS = ").append(t.epochs()).append(";\n");
        j.append("    static final double LEARNING_RATE = ").append(num(t.learningRate())).append(";\n\n");
        j.append("    private Main() {}\n\n");
        j.append("    public static ComputationGraphConfiguration configuration() {\n");
        j.append("        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()\n");
        j.append("                .seed(SEED)\n");
        j.append("                .updater(").append(updater).append(")\n");
        j.append("                .weightInit(WeightInit.XAVIER)\n");
        j.append("                .dataType(DataType.FLOAT)\n");
        if (t.l2() > 0) {
            j.append("                .l2(").append(num(t.l2())).append(")\n");
        }
        if (t.gradientClip() > 0) {
            j.append("                .gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(").append(num(t.gradientClip()))
                    .append(")\n");
        }
        j.append("                .graphBuilder()\n");
        j.append("                .addInputs(").append(String.join(", ", inputs)).append(")\n");
        j.append("                .setInputTypes(").append(String.join(", ", inputTypes)).append(")\n");
        j.append(layers);
        j.append("                .setOutputs(").append(String.join(", ", outputs.stream().map(o -> str(o.id())).toList())).append(")\n");
        j.append("                .build();\n");
        afterBuild.forEach(j::append);
        j.append("        return conf;\n    }\n\n");
        if (t.decay() != TrainingSetup.Decay.NONE) {
            imports.add("org.nd4j.linalg.schedule.ISchedule");
            j.append("    /** The updater with its learning rate following {@code schedule} by epoch, as DeepCanvas sets it. */\n");
            j.append("    private static IUpdater withSchedule(IUpdater updater, ISchedule schedule) {\n");
            j.append("        updater.setLrAndSchedule(Double.NaN, schedule);\n");
            j.append("        return updater;\n    }\n\n");
        }
        j.append("    /** Trains for {@code epochs}, scoring the validation examples after each. */\n");
        j.append("    public static void train(ComputationGraph graph, DataSetIterator train, DataSetIterator validation, int epochs) {\n");
        j.append("        for (int epoch = 1; epoch <= epochs; epoch++) {\n");
        j.append("            train.reset();\n");
        j.append("            graph.fit(train); // one pass; DL4J counts the epoch for the learning-rate schedule\n");
        j.append("            validation.reset();\n");
        j.append("            IEvaluation<?> scores = graph.evaluate").append(classification ? "" : "Regression").append("(validation);\n");
        j.append("            System.out.println(\"epoch \" + epoch + \": \" + scores.stats());\n");
        j.append("        }\n    }\n\n");
        j.append("    public static void main(String[] args) {\n");
        j.append("        ComputationGraph graph = new ComputationGraph(configuration());\n");
        j.append("        graph.init();\n");
        j.append("        System.out.println(graph.summary());\n");
        j.append("        // train(graph, trainIterator, validationIterator, EPOCHS) with iterators of BATCH_SIZE examples shaped as the inputs\n");
        j.append("    }\n}\n");
        StringBuilder head = new StringBuilder();
        imports.forEach(i -> head.append("import ").append(i).append(";\n"));
        return head.append(j).toString();
    }

    /** A layer ({@code addLayer}) or a vertex ({@code addVertex}) and its constructor code. */
    private record Vertex(boolean layer, String code) {}

    private static Vertex vertex(Step s, ExportGraph graph, TreeSet<String> imports) throws ExportException {
        Params p = s.params();
        String conf = "org.deeplearning4j.nn.conf.layers.";
        return switch (s.kind().id()) {
            case "Dense" -> {
                imports.add(conf + "DenseLayer");
                String dense = "new DenseLayer.Builder().nOut(" + p.integer("units") + ")" + activation(p.choice("activation"), imports)
                        + (p.bool("useBias") ? "" : ".hasBias(false)") + ".build()";
                yield layer(timeDistributed(s, dense, imports));
            }
            case "Dropout" -> {
                imports.add(conf + "DropoutLayer");
                yield layer(timeDistributed(s, "new DropoutLayer.Builder(" + num(1.0 - p.decimal("rate")) + ").build()", imports));
            }
            case "Activation" -> {
                imports.add(conf + "ActivationLayer");
                yield layer("new ActivationLayer.Builder()" + activation(p.choice("function"), imports) + ".build()");
            }
            case "BatchNorm" -> {
                imports.add(conf + "BatchNormalization");
                yield layer("new BatchNormalization.Builder().decay(" + num(p.decimal("momentum")) + ").eps(" + num(p.decimal("epsilon")) + ").build()");
            }
            case "Flatten" -> {
                imports.add("org.deeplearning4j.nn.conf.graph.PreprocessorVertex");
                imports.add("org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor");
                Shape.Image i = (Shape.Image) s.inputShape();
                yield new Vertex(false, String.format(Locale.ROOT, "new PreprocessorVertex(new CnnToFeedForwardPreProcessor(%d, %d, %d))", i.height(), i.width(),
                        i.channels()));
            }
            case "ZeroPadding2D" -> {
                imports.add(conf + "ZeroPaddingLayer");
                yield layer(String.format(Locale.ROOT, "new ZeroPaddingLayer.Builder(%d, %d, %d, %d).build()", p.integer("top"), p.integer("bottom"),
                        p.integer("left"), p.integer("right")));
            }
            case "Conv2D" -> {
                imports.add(conf + "ConvolutionLayer");
                int k = p.integer("kernel");
                int st = p.integer("stride");
                int d = p.integer("dilation");
                yield layer(String.format(Locale.ROOT, "new ConvolutionLayer.Builder(%d, %d).stride(%d, %d).dilation(%d, %d).nOut(%d)%s%s.hasBias(%s).build()", k, k,
                        st, st, d, d, p.integer("filters"), mode(p, imports), activation(p.choice("activation"), imports), p.bool("useBias")));
            }
            case "Conv1D" -> {
                imports.add(conf + "Convolution1DLayer");
                yield layer(String.format(Locale.ROOT, "new Convolution1DLayer.Builder().kernelSize(%d).stride(%d).dilation(%d).nOut(%d)%s%s.hasBias(%s).build()",
                        p.integer("kernel"), p.integer("stride"), p.integer("dilation"), p.integer("filters"), mode(p, imports),
                        activation(p.choice("activation"), imports), p.bool("useBias")));
            }
            case "MaxPool2D", "AvgPool2D" -> {
                imports.add(conf + "SubsamplingLayer");
                int k = p.integer("pool");
                int st = p.integer("stride");
                yield layer(String.format(Locale.ROOT, "new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.%s).kernelSize(%d, %d).stride(%d, %d)%s.build()",
                        s.kind().id().equals("MaxPool2D") ? "MAX" : "AVG", k, k, st, st, mode(p, imports)));
            }
            case "GlobalPooling" -> {
                if (s.inputShape() instanceof Shape.Sequence) {
                    throw ownLayer(s, "pooling over time steps (DeepCanvas's masked sequence pooling)");
                }
                imports.add(conf + "GlobalPoolingLayer");
                imports.add(conf + "PoolingType");
                yield layer("new GlobalPoolingLayer.Builder(PoolingType." + ("max".equals(p.choice("type")) ? "MAX" : "AVG") + ").build()");
            }
            case "LocalResponseNormalization" -> {
                imports.add(conf + "LocalResponseNormalization");
                yield layer(String.format(Locale.ROOT, "new LocalResponseNormalization.Builder().n(%s).k(%s).alpha(%s).beta(%s).build()", num(p.integer("depth")),
                        num(p.decimal("k")), num(p.decimal("alpha")), num(p.decimal("beta"))));
            }
            case "SimpleRNN", "LSTM" -> layer(cell(s.kind().id().equals("LSTM"), p, imports));
            case "Bidirectional" -> {
                imports.add(conf + "recurrent.Bidirectional");
                yield layer("new Bidirectional(Bidirectional.Mode." + p.choice("merge").toUpperCase(Locale.ROOT) + ", "
                        + cell("lstm".equals(p.choice("cell")), p, imports) + ")");
            }
            case "LastTimeStep" -> {
                imports.add("org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex");
                yield new Vertex(false, "new LastTimeStepVertex(" + str(graph.analysis().feedingInput().get(s.id())) + ")");
            }
            case "Embedding" -> {
                imports.add(conf + "EmbeddingSequenceLayer");
                yield layer("new EmbeddingSequenceLayer.Builder().nIn(" + p.integer("vocabulary") + ").nOut(" + p.integer("dimension") + ").hasBias(false).build()");
            }
            case "SelfAttention" -> {
                imports.add(conf + "SelfAttentionLayer");
                boolean project = p.bool("projectInput");
                int features = ((Shape.Sequence) s.inputShape()).features();
                yield layer(String.format(Locale.ROOT, "new SelfAttentionLayer.Builder().nIn(%d).nOut(%d).nHeads(%d).headSize(%d).projectInput(%s).build()", features,
                        project ? p.integer("units") : features, p.integer("heads"), p.integer("headSize"), project));
            }
            case "Add" -> {
                imports.add("org.deeplearning4j.nn.conf.graph.ElementWiseVertex");
                yield new Vertex(false, "new ElementWiseVertex(ElementWiseVertex.Op.Add)");
            }
            case "Concatenate" -> {
                imports.add("org.deeplearning4j.nn.conf.graph.MergeVertex");
                yield new Vertex(false, "new MergeVertex()");
            }
            case "Output" -> {
                boolean sequence = s.inputShape() instanceof Shape.Sequence;
                String type = sequence ? "RnnOutputLayer" : "OutputLayer";
                imports.add(conf + type);
                imports.add("org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction");
                String loss = switch (p.choice("loss")) {
                    case "cross_entropy" -> "MCXENT";
                    case "binary_cross_entropy" -> "XENT";
                    case "mae" -> "MEAN_ABSOLUTE_ERROR";
                    default -> "MSE";
                };
                yield layer("new " + type + ".Builder(LossFunction." + loss + ").nOut(" + p.integer("units") + ")" + activation(p.choice("activation"), imports)
                        + ".build()");
            }
            case "LayerNormalization" -> throw ownLayer(s, "layer normalisation");
            case "PositionEmbedding" -> throw ownLayer(s, "learned position embeddings");
            default -> throw new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") has no DL4J Java export yet.");
        };
    }

    private static ExportException ownLayer(Step s, String what) {
        return new ExportException("Layer '" + s.id() + "' (" + s.kind().id() + ") is " + what + ", which DL4J " + DL4J_VERSION
                + " lacks and DeepCanvas adds as its own layer; the Java export cannot carry it over yet. Export to PyTorch or Keras instead.");
    }

    private static Vertex layer(String code) {
        return new Vertex(true, code);
    }

    /** A dense layer on a sequence is applied step by step, as DeepCanvas compiles it. */
    private static String timeDistributed(Step s, String layer, TreeSet<String> imports) {
        if (!(s.inputShape() instanceof Shape.Sequence)) {
            return layer;
        }
        imports.add("org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed");
        imports.add("org.deeplearning4j.nn.conf.RNNFormat");
        return "new TimeDistributed(" + layer + ", RNNFormat.NCW)";
    }

    private static String cell(boolean lstm, Params p, TreeSet<String> imports) {
        String type = lstm ? "LSTM" : "SimpleRnn";
        imports.add("org.deeplearning4j.nn.conf.layers." + (lstm ? "LSTM" : "recurrent.SimpleRnn"));
        return "new " + type + ".Builder().nOut(" + p.integer("units") + ")" + activation(p.choice("activation"), imports) + ".build()";
    }

    private static String activation(String fn, TreeSet<String> imports) {
        imports.add("org.nd4j.linalg.activations.Activation");
        return ".activation(Activation." + Activations.toDl4j(fn).name() + ")";
    }

    private static String mode(Params p, TreeSet<String> imports) {
        imports.add("org.deeplearning4j.nn.conf.ConvolutionMode");
        return ".convolutionMode(ConvolutionMode." + ("same".equals(p.choice("padding")) ? "Same" : "Truncate") + ")";
    }

    private static String inputType(Shape s) {
        if (s instanceof Shape.Image i) {
            return String.format(Locale.ROOT, "InputType.convolutional(%d, %d, %d)", i.height(), i.width(), i.channels());
        }
        if (s instanceof Shape.Sequence q) {
            return q.timeSteps() == Shape.VARIABLE ? "InputType.recurrent(" + q.features() + ")" : "InputType.recurrent(" + q.features() + ", " + q.timeSteps() + ")";
        }
        if (s instanceof Shape.Tokens t) {
            return t.timeSteps() == Shape.VARIABLE ? "InputType.recurrent(1)" : "InputType.recurrent(1, " + t.timeSteps() + ")";
        }
        return "InputType.feedForward(" + s.size() + ")";
    }

    /** The updater as DeepCanvas configures it (decision 0007: the schedule by epoch, when any). */
    private static String updater(TrainingSetup t, TreeSet<String> imports) {
        String lr = "LEARNING_RATE";
        String base = switch (t.optimizer()) {
            case SGD -> "new Sgd(" + lr + ")";
            case NESTEROV -> "new Nesterovs(" + lr + ", " + num(t.momentum()) + ")";
            case ADAM -> "new Adam(" + lr + ", " + num(t.beta1()) + ", " + num(t.beta2()) + ", " + num(t.epsilon()) + ")";
            case RMSPROP -> "new RmsProp(" + lr + ", " + num(t.momentum()) + ", " + num(t.epsilon()) + ")";
            case ADAGRAD -> "new AdaGrad(" + lr + ", " + num(t.epsilon()) + ")";
        };
        imports.add("org.nd4j.linalg.learning.config." + base.substring(4, base.indexOf('(')));
        if (t.decay() == TrainingSetup.Decay.NONE) {
            return base;
        }
        imports.add("org.nd4j.linalg.schedule.ScheduleType");
        imports.add("org.nd4j.linalg.learning.config.IUpdater");
        String schedule = switch (t.decay()) {
            case STEP -> {
                imports.add("org.nd4j.linalg.schedule.StepSchedule");
                yield "new StepSchedule(ScheduleType.EPOCH, " + lr + ", " + num(t.decayRate()) + ", " + t.decayEvery() + ")";
            }
            default -> {
                imports.add("org.nd4j.linalg.schedule.ExponentialSchedule");
                yield "new ExponentialSchedule(ScheduleType.EPOCH, " + lr + ", " + num(t.decayRate()) + ")";
            }
        };
        return "withSchedule(" + base + ", " + schedule + ")";
    }

    private static String pom(NetworkDocument doc) {
        String artifact = ExportGraph.identifier(doc.name().toLowerCase(Locale.ROOT)).replace('_', '-');
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- %s, exported from DeepCanvas. Run: mvn -q compile exec:java -->
                <project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>deepcanvas.export</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <dl4j.version>%s</dl4j.version>
                  </properties>
                  <dependencies>
                    <dependency>
                      <groupId>org.deeplearning4j</groupId>
                      <artifactId>deeplearning4j-core</artifactId>
                      <version>${dl4j.version}</version>
                    </dependency>
                    <dependency>
                      <groupId>org.nd4j</groupId>
                      <artifactId>nd4j-native-platform</artifactId>
                      <version>${dl4j.version}</version>
                    </dependency>
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.codehaus.mojo</groupId>
                        <artifactId>exec-maven-plugin</artifactId>
                        <version>3.1.0</version>
                        <configuration>
                          <mainClass>Main</mainClass>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(doc.name().replace("--", "- -"), artifact, DL4J_VERSION);
    }

    /** Text for a comment: a backslash doubled (Java reads a backslash-u anywhere as an escape), no comment end. */
    static String comment(String s) {
        return s.replace("\\", "\\\\").replace("*/", "* /");
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d);
    }
}
