package dev.deepcanvas.runtime.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.compute.OneDnn;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Encodings;
import dev.deepcanvas.runtime.data.FittedEncoding;
import dev.deepcanvas.runtime.data.Target;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained model in one file (a zip): the DL4J network, the project it was built from, the
 * encoding fitted on the training data, what it predicts, and its test metrics. Loading it back
 * gives the same predictions on the same raw inputs.
 */
public final class ModelBundle {

    static {
        // a restored model's layers get oneDNN helpers as a freshly compiled one's do
        NativeStart.prepare();
    }

    public static final String EXTENSION = ".dcmodel";
    static final int VERSION = 1;

    static final String MANIFEST = "manifest.json";
    static final String NETWORK = "network.deepcanvas";
    static final String MODEL = "model.dl4j.zip";
    static final String ENCODING = "encoding.json";
    static final String METRICS = "metrics.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ComputationGraph graph;
    private final NetworkDocument document;
    private final FittedEncoding encoding;
    private final Target target;
    private final boolean yesNo;
    private final JsonNode metrics;

    public ModelBundle(ComputationGraph graph, NetworkDocument document, FittedEncoding encoding, Target target, boolean yesNo, JsonNode metrics) {
        this.graph = graph;
        this.document = document;
        this.encoding = encoding;
        this.target = target;
        this.yesNo = yesNo;
        this.metrics = metrics == null ? JsonNodeFactory.instance.objectNode() : metrics;
    }

    public ComputationGraph graph() {
        return graph;
    }

    public NetworkDocument document() {
        return document;
    }

    public FittedEncoding encoding() {
        return encoding;
    }

    public Target target() {
        return target;
    }

    public JsonNode metrics() {
        return metrics;
    }

    /** Writes the bundle in one atomic step; a failed save leaves an existing file untouched. */
    public void save(Path file) throws IOException {
        byte[] network = new DocumentJson().write(document).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest()));
            put(zip, NETWORK, network);
            put(zip, ENCODING, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(encoding.toJson()));
            put(zip, METRICS, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(metrics));
            zip.putNextEntry(new ZipEntry(MODEL));
            ModelSerializer.writeModel(graph, zip, false);
            zip.closeEntry();
            zip.finish();
        });
    }

    private ObjectNode manifest() {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("bundleVersion", VERSION);
        m.put("task", target.task().name().toLowerCase(Locale.ROOT));
        m.put("target", target.name());
        ArrayNode classes = m.putArray("classes");
        target.classNames().forEach(classes::add);
        m.put("targetMean", target.mean());
        m.put("targetStd", target.std());
        m.put("yesNoOutput", yesNo);
        m.put("targetIsChange", target.relative());
        return m;
    }

    public static ModelBundle load(Path file) throws IOException, BundleFormatException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String name : List.of(MANIFEST, NETWORK, ENCODING, METRICS, MODEL)) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    throw new BundleFormatException(file.getFileName() + " is not a complete DeepCanvas model: it lacks " + name + ".");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(name, in.readAllBytes());
                }
            }
        } catch (ZipException e) {
            throw new BundleFormatException(file.getFileName() + " is not a DeepCanvas model file (not a zip archive).");
        }
        try {
            JsonNode manifest = JSON.readTree(entries.get(MANIFEST));
            int version = manifest.path("bundleVersion").asInt(-1);
            if (version != VERSION) {
                throw new BundleFormatException(file.getFileName() + " has model format " + version + "; this DeepCanvas reads format " + VERSION + ".");
            }
            List<String> classes = new ArrayList<>();
            manifest.path("classes").forEach(c -> classes.add(c.asText()));
            String taskName = manifest.path("task").asText();
            if (!taskName.equals("regression") && !taskName.equals("classification")) {
                throw new BundleFormatException(file.getFileName() + " is damaged: its manifest names no task.");
            }
            Task task = taskName.equals("regression") ? Task.REGRESSION : Task.CLASSIFICATION;
            boolean yesNo = manifest.path("yesNoOutput").asBoolean(false);
            if (task == Task.CLASSIFICATION && (classes.size() < 2 || yesNo && classes.size() != 2)) {
                throw new BundleFormatException(file.getFileName() + " is damaged: its manifest lists " + classes.size() + " class(es).");
            }
            Target target = new Target(task, manifest.path("target").asText(), classes,
                    manifest.path("targetMean").asDouble(0), manifest.path("targetStd").asDouble(1),
                    manifest.path("targetIsChange").asBoolean(false));
            NetworkDocument doc = new DocumentJson().read(new String(entries.get(NETWORK), StandardCharsets.UTF_8));
            FittedEncoding encoding = Encodings.fromJson(JSON.readTree(entries.get(ENCODING)));
            ComputationGraph graph = restore(file, entries.get(MODEL));
            OneDnn.keepSupported(graph);
            return new ModelBundle(graph, doc, encoding, target, yesNo, JSON.readTree(entries.get(METRICS)));
        } catch (DocumentFormatException | DataException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BundleFormatException(file.getFileName() + " is damaged: " + e.getMessage());
        }
    }

    private static ComputationGraph restore(Path file, byte[] model) throws BundleFormatException {
        try {
            return ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(model), false);
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(file.getFileName() + " is damaged: its network cannot be read (" + e.getMessage() + ").");
        }
    }

    /** Predictions for {@code count} encoded examples laid out one after another. */
    public List<Prediction> predict(float[] features, int count) {
        return predict(features, null, null, count);
    }

    /**
     * Predictions for {@code count} encoded examples.
     *
     * @param mask for sequences of different lengths, {@code count × time} values (1 real, 0 padding), else null
     * @param reference for a forecast of the change since the last step, each example's last level, else null
     */
    public List<Prediction> predict(float[] features, float[] mask, double[] reference, int count) {
        long[] example = encoding.exampleShape();
        long[] shape = new long[example.length + 1];
        shape[0] = count;
        System.arraycopy(example, 0, shape, 1, example.length);
        INDArray input = Nd4j.create(features, shape, 'c').castTo(DataType.FLOAT);
        float[] out;
        if (mask == null) {
            out = graph.outputSingle(false, input).ravel().toFloatVector();
        } else {
            INDArray m = Nd4j.create(mask, new long[] {count, example[example.length - 1]}, 'c');
            out = graph.output(false, new INDArray[] {input}, new INDArray[] {m})[0].ravel().toFloatVector();
        }
        int width = out.length / count;
        List<Prediction> predictions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Prediction p = toPrediction(out, i * width, width);
            if (target.relative() && reference != null) {
                p = Prediction.quantity(reference[i] + p.value());
            }
            predictions.add(p);
        }
        return predictions;
    }

    public Prediction predict(float[] oneExample) {
        return predict(oneExample, 1).get(0);
    }

    private Prediction toPrediction(float[] out, int offset, int width) {
        if (target.task() == Task.REGRESSION) {
            return Prediction.quantity(target.toUnits(out[offset]));
        }
        double[] p = new double[target.classNames().size()];
        if (yesNo) {
            p[1] = out[offset];
            p[0] = 1 - out[offset];
        } else {
            for (int c = 0; c < width; c++) {
                p[c] = out[offset + c];
            }
        }
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new Prediction(target.classNames().get(best), p[best], target.classNames(), p);
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

}
