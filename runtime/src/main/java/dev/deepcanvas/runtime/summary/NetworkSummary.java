package dev.deepcanvas.runtime.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.NodeInfo;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The Keras-like table of a network: one row per layer, then the parameter totals. */
public final class NetworkSummary {

    /** One table row; shape "?" and params -1 when inference could not reach the layer. */
    public record Row(String id, String kind, String shape, long params, long trainable, List<String> inputs) {}

    private final NetworkDocument doc;
    private final NetworkAnalysis analysis;
    private final List<Row> rows = new ArrayList<>();
    private Calibration calibration;
    private EpochExamples examples = EpochExamples.nominal();

    public NetworkSummary(NetworkDocument doc, NetworkAnalysis analysis) {
        this.doc = doc;
        this.analysis = analysis;
        Set<String> order = new LinkedHashSet<>(analysis.order());
        doc.nodes().forEach(n -> order.add(n.id()));
        for (String id : order) {
            LayerNode n = doc.node(id).orElseThrow();
            NodeInfo info = analysis.info(id).orElse(null);
            rows.add(new Row(id, n.kind(), info == null ? "?" : info.shape().display(),
                    info == null ? -1 : info.parameters(), info == null ? -1 : info.trainable(),
                    analysis.inputsOf().getOrDefault(id, List.of())));
        }
    }

    public static NetworkSummary of(NetworkDocument doc) {
        return new NetworkSummary(doc, ShapeInference.analyse(doc));
    }

    /**
     * Adds the estimated time per epoch on the machine {@code calibration} measured, for
     * {@code examples}; without it the summary has no time line.
     */
    public NetworkSummary withTime(Calibration calibration, EpochExamples examples) {
        this.calibration = calibration;
        this.examples = examples;
        return this;
    }

    /** The estimated seconds per epoch, when a calibration was given and the network is valid. */
    public Optional<Double> epochSeconds() {
        return calibration == null ? Optional.empty() : cost().map(c -> calibration.epochSeconds(c, examples, doc.training().batchSize()));
    }

    /**
     * "about 4 s" and what it is for: "1,437 training and 360 validation examples at batch 32", or
     * "1,000 training examples at batch 32" before the project's data is prepared.
     */
    public Optional<String[]> timeText() {
        return epochSeconds().map(seconds -> {
            int batch = doc.training().batchSize();
            String validation = examples.validation() > 0 ? String.format(Locale.ROOT, " and %,d validation", examples.validation()) : "";
            boolean open = cost().orElseThrow().perStep() && !examples.fromData();
            return new String[] {Calibration.describe(seconds), String.format(Locale.ROOT, "%,d training%s examples at batch %d%s", examples.train(),
                    validation, batch, open ? ", one time step each (the length is variable)" : "")};
        });
    }

    public List<Row> rows() {
        return rows;
    }

    public long total() {
        return analysis.totalParameters();
    }

    public long trainable() {
        return analysis.trainableParameters();
    }

    /** The table as plain text, columns sized to their content. */
    public String toText() {
        String[] head = {"Layer (id)", "Kind", "Output shape", "Param #", "Connected to"};
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(new String[] {r.id(), r.kind(), r.shape(), r.params() < 0 ? "?" : String.format("%,d", r.params()), String.join(", ", r.inputs())});
        }
        int[] width = new int[head.length];
        for (int c = 0; c < head.length; c++) {
            width[c] = head[c].length();
            for (String[] row : cells) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        int lineWidth = 0;
        for (int w : width) {
            lineWidth += w + 2;
        }
        StringBuilder out = new StringBuilder();
        out.append("Model: \"").append(doc.name()).append("\"\n");
        out.append("-".repeat(lineWidth)).append('\n');
        appendRow(out, head, width);
        out.append("=".repeat(lineWidth)).append('\n');
        for (String[] row : cells) {
            appendRow(out, row, width);
        }
        out.append("=".repeat(lineWidth)).append('\n');
        out.append(String.format("Total params: %,d%n", total()));
        out.append(String.format("Trainable params: %,d%n", trainable()));
        out.append(String.format("Non-trainable params: %,d%n", total() - trainable()));
        cost().ifPresent(c -> appendCost(out, c));
        timeText().ifPresent(t -> out.append("Time per epoch on this machine: ").append(t[0]).append("\n  for ").append(t[1]).append('\n'));
        return out.toString();
    }

    /** The design's cost under its training settings; empty while the network has errors. */
    public Optional<DesignCost> cost() {
        return analysis.isValid() ? Optional.of(DesignCost.of(doc, analysis)) : Optional.empty();
    }

    private void appendCost(StringBuilder out, DesignCost c) {
        int batch = doc.training().batchSize();
        String unit = c.perStep() ? " per time step (the length is variable)" : "";
        out.append(String.format(Locale.ROOT, "Cost per example%s: %s forward, %s to train%n", unit, DesignCost.flops(c.forwardFlops()),
                DesignCost.flops(c.trainingFlops())));
        long b = DesignCost.BYTES_PER_VALUE;
        out.append(String.format(Locale.ROOT, "Memory to train at batch %d%s: %s%n", batch, c.perStep() ? " per time step" : "",
                DesignCost.bytes(c.trainingBytes(batch))));
        out.append(String.format(Locale.ROOT, "  parameters %s, gradients %s, %s state %s, layer outputs %s%n",
                DesignCost.bytes(b * c.parameters()), DesignCost.bytes(b * c.parameters()), doc.training().optimizer().name().toLowerCase(Locale.ROOT),
                DesignCost.bytes(b * c.optimizerValues()), DesignCost.bytes(2 * b * c.activationValues() * batch)));
    }

    private static void appendRow(StringBuilder out, String[] row, int[] width) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            // The parameter count is right-aligned, as in Keras.
            String cell = c == 3 ? pad(row[c], width[c], true) : pad(row[c], width[c], false);
            line.append(cell).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }

    /** The table and diagnostics as a JSON object, for scripts. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", doc.name());
        root.put("valid", analysis.isValid());
        ArrayNode layers = root.putArray("layers");
        for (Row r : rows) {
            ObjectNode o = layers.addObject();
            o.put("id", r.id());
            o.put("kind", r.kind());
            if (r.params() >= 0) {
                o.put("outputShape", r.shape());
                ArrayNode shape = o.putArray("activationShape");
                for (long d : analysis.shapeOf(r.id()).orElseThrow().activationShape(1)) {
                    shape.add(d);
                }
                o.put("params", r.params());
                o.put("trainableParams", r.trainable());
            }
            ArrayNode inputs = o.putArray("inputs");
            r.inputs().forEach(inputs::add);
        }
        root.put("totalParams", total());
        root.put("trainableParams", trainable());
        root.put("nonTrainableParams", total() - trainable());
        cost().ifPresent(c -> {
            ObjectNode cost = root.putObject("cost");
            cost.put("forwardFlopsPerExample", c.forwardFlops());
            cost.put("trainingFlopsPerExample", c.trainingFlops());
            cost.put("perTimeStep", c.perStep());
            cost.put("batchSize", doc.training().batchSize());
            cost.put("parameterBytes", DesignCost.BYTES_PER_VALUE * c.parameters());
            cost.put("optimizerStateBytes", DesignCost.BYTES_PER_VALUE * c.optimizerValues());
            cost.put("activationBytesPerExample", DesignCost.BYTES_PER_VALUE * c.activationValues());
            cost.put("trainingBytes", c.trainingBytes(doc.training().batchSize()));
            epochSeconds().ifPresent(seconds -> {
                ObjectNode time = cost.putObject("epochEstimate");
                time.put("seconds", seconds);
                time.put("trainingExamples", examples.train());
                time.put("validationExamples", examples.validation());
                time.put("fromProjectData", examples.fromData());
                time.put("backend", calibration.backend());
            });
        });
        root.set("diagnostics", diagnosticsJson(analysis.diagnostics()));
        return root;
    }

    public static ArrayNode diagnosticsJson(List<Diagnostic> diagnostics) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode o = array.addObject();
            if (d.nodeId() == null) {
                o.putNull("layer");
            } else {
                o.put("layer", d.nodeId());
            }
            o.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
            o.put("message", d.message());
            o.put("hint", d.hint());
        }
        return array;
    }

    public static String pretty(ObjectNode node) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
