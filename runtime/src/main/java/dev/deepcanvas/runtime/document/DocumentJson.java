package dev.deepcanvas.runtime.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.catalog.ParamSpec;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the DeepCanvas project format (docs/file-format.md). Reading is strict and never
 * instantiates anything named in the file: it walks a plain JSON tree and checks every field
 * against the layer catalog, so a bad file gets one message saying what is wrong and where.
 */
public final class DocumentJson {

    /** The format this version writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    static final int MAX_DEPTH = 32;
    static final int MAX_LAYERS = 100_000;
    static final int MAX_EDGES = 1_000_000;
    static final int MAX_ID_LENGTH = 200;

    private static final Set<String> TOP_FIELDS = Set.of("formatVersion", "name", "layers", "edges", "training", "data");
    private static final Set<String> LAYER_FIELDS = Set.of("id", "kind", "x", "y", "frozen", "params");
    private static final Set<String> EDGE_FIELDS = Set.of("from", "fromPort", "to", "toPort");
    private static final Set<String> DATA_FIELDS = Set.of(
            "path", "format", "label", "ignore", "categorical", "task", "missing", "normalization", "split", "augmentation", "text", "series");
    private static final Set<String> TRAINING_FIELDS =
            Set.of("optimizer", "learningRate", "momentum", "beta1", "beta2", "epsilon", "batchSize", "epochs", "seed",
                    "l2", "gradientClip", "decay", "decayRate", "decayEvery", "patience", "keepBest");

    private final LayerCatalog catalog;
    private final ObjectMapper mapper;

    public DocumentJson(LayerCatalog catalog) {
        this.catalog = catalog;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(64)
                        .maxStringLength(1_000_000)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public DocumentJson() {
        this(LayerCatalog.standard());
    }

    // ---------------------------------------------------------------- writing

    /** The canonical text of a document: two-space indent, '\n' line ends, a final newline. */
    public String write(NetworkDocument doc) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", doc.name());
        var layers = root.putArray("layers");
        for (LayerNode n : doc.nodes()) {
            ObjectNode o = layers.addObject();
            o.put("id", n.id());
            o.put("kind", n.kind());
            o.put("x", finite(n.x(), n.id() + " position"));
            o.put("y", finite(n.y(), n.id() + " position"));
            if (n.frozen()) {
                o.put("frozen", true);
            }
            ObjectNode params = o.putObject("params");
            n.params().forEach((name, value) -> {
                if (value instanceof Long l) {
                    params.put(name, l);
                } else if (value instanceof Double d) {
                    params.put(name, finite(d, n.id() + "." + name));
                } else if (value instanceof Boolean b) {
                    params.put(name, b);
                } else {
                    params.put(name, String.valueOf(value));
                }
            });
        }
        var edges = root.putArray("edges");
        for (Edge e : doc.edges()) {
            ObjectNode o = edges.addObject();
            o.put("from", e.from());
            o.put("fromPort", e.fromPort());
            o.put("to", e.to());
            o.put("toPort", e.toPort());
        }
        TrainingSetup t = doc.training();
        ObjectNode training = root.putObject("training");
        training.put("optimizer", t.optimizer().fileName());
        training.put("learningRate", finite(t.learningRate(), "learning rate"));
        training.put("momentum", finite(t.momentum(), "momentum"));
        training.put("beta1", finite(t.beta1(), "beta1"));
        training.put("beta2", finite(t.beta2(), "beta2"));
        training.put("epsilon", finite(t.epsilon(), "epsilon"));
        training.put("batchSize", t.batchSize());
        training.put("epochs", t.epochs());
        training.put("seed", t.seed());
        training.put("l2", finite(t.l2(), "l2"));
        training.put("gradientClip", finite(t.gradientClip(), "gradient clip"));
        training.put("decay", lower(t.decay()));
        training.put("decayRate", finite(t.decayRate(), "decay rate"));
        training.put("decayEvery", t.decayEvery());
        training.put("patience", t.patience());
        training.put("keepBest", t.keepBest());
        doc.data().ifPresent(d -> writeData(root.putObject("data"), d));
        try {
            var printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return mapper.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    private static void writeData(ObjectNode o, DataBinding d) {
        o.put("path", d.path());
        o.put("format", lower(d.format()));
        if (d.label() != null) {
            o.put("label", d.label());
        }
        d.ignore().forEach(o.withArray("ignore")::add);
        d.categorical().forEach(o.withArray("categorical")::add);
        o.put("task", lower(d.task()));
        o.put("missing", lower(d.missing()));
        o.put("normalization", lower(d.normalization()));
        ObjectNode split = o.putObject("split");
        split.put("train", finite(d.trainFraction(), "train fraction"));
        split.put("validation", finite(d.validationFraction(), "validation fraction"));
        split.put("test", finite(d.testFraction(), "test fraction"));
        if (d.augmentation().any()) {
            ObjectNode a = o.putObject("augmentation");
            a.put("flip", d.augmentation().flip());
            a.put("rotation", finite(d.augmentation().rotation(), "rotation"));
            a.put("shift", d.augmentation().shift());
        }
        if (d.format() == DataBinding.Format.TEXT) {
            ObjectNode t = o.putObject("text");
            d.text().columns().forEach(t.withArray("columns")::add);
            t.put("tokens", lower(d.text().tokens()));
            t.put("vocabulary", d.text().vocabulary());
            t.put("minCount", d.text().minCount());
            t.put("maxLength", d.text().maxLength());
        }
        if (d.format() == DataBinding.Format.TIMESERIES) {
            ObjectNode t = o.putObject("series");
            t.put("window", d.series().window());
            t.put("horizon", d.series().horizon());
            t.put("differencing", d.series().differencing());
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** JSON has no NaN or infinity; refuse rather than write a file that cannot be read back. */
    private static double finite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is " + value + ", which a project file cannot store");
        }
        return value;
    }

    // ---------------------------------------------------------------- reading

    public NetworkDocument read(String text) throws DocumentFormatException {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new DocumentFormatException("The file nests data deeper than " + MAX_DEPTH
                    + " levels or holds an over-long value; a DeepCanvas project never does. Is this the right file?");
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
            throw new DocumentFormatException("Not valid JSON at " + at + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DocumentFormatException("The file is empty or is not a JSON object; a DeepCanvas project starts with '{'.");
        }
        return new Reader().document(root);
    }

    /** One read: keeps the path of the value being read for messages. */
    private final class Reader {

        NetworkDocument document(JsonNode root) throws DocumentFormatException {
            knownFields(root, TOP_FIELDS, "the top level");
            JsonNode version = root.get("formatVersion");
            if (version == null) {
                throw new DocumentFormatException("formatVersion is missing; is this a DeepCanvas project file?");
            }
            if (!version.isNumber() || !version.canConvertToExactIntegral()) {
                throw new DocumentFormatException("formatVersion must be a whole number, not " + version + ".");
            }
            if (version.asLong() > FORMAT_VERSION || version.asLong() < 1) {
                throw new DocumentFormatException("The file has format version " + version.asText()
                        + ", but this DeepCanvas reads versions 1 to " + FORMAT_VERSION
                        + (version.asLong() > FORMAT_VERSION ? ". It was written by a newer DeepCanvas: please update." : "."));
            }
            NetworkDocument doc = new NetworkDocument(text(root, "name", "name"));
            JsonNode layers = array(root, "layers", MAX_LAYERS);
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < layers.size(); i++) {
                LayerNode node = layer(layers.get(i), "layers[" + i + "]");
                ids.add(node.id());
                doc.add(node);
            }
            JsonNode edges = array(root, "edges", MAX_EDGES);
            for (int i = 0; i < edges.size(); i++) {
                doc.connect(edge(edges.get(i), "edges[" + i + "]", ids));
            }
            if (root.has("training")) {
                doc.setTraining(training(root.get("training")));
            }
            if (root.has("data")) {
                doc.setData(data(object(root.get("data"), "data")));
            }
            return doc;
        }

        private LayerNode layer(JsonNode o, String where) throws DocumentFormatException {
            object(o, where);
            knownFields(o, LAYER_FIELDS, where);
            String id = text(o, "id", where + ".id");
            if (id.isBlank() || id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
                throw new DocumentFormatException(where + ".id must be 1 to " + MAX_ID_LENGTH + " printable characters.");
            }
            String label = where + " ('" + id + "')";
            String kindId = text(o, "kind", label + ".kind");
            LayerKind kind = catalog.find(kindId).orElseThrow(() -> new DocumentFormatException(
                    label + " has the unknown layer kind '" + kindId + "'. Known kinds: " + String.join(", ", catalog.ids()) + "."));
            double x = number(o, "x", label, 0);
            double y = number(o, "y", label, 0);
            Map<String, Object> params = new LinkedHashMap<>();
            if (o.has("params")) {
                JsonNode p = object(o.get("params"), label + ".params");
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    var field = it.next();
                    if (!kind.hasParam(field.getKey())) {
                        throw new DocumentFormatException(label + ": " + kind.id() + " has no parameter '" + field.getKey()
                                + "'. Its parameters are: " + String.join(", ", kind.params().stream().map(ParamSpec::name).toList()) + ".");
                    }
                    params.put(field.getKey(), value(kind.param(field.getKey()), field.getValue(), label + ".params." + field.getKey()));
                }
            }
            JsonNode frozen = o.path("frozen");
            if (!frozen.isMissingNode() && !frozen.isBoolean()) {
                throw new DocumentFormatException(label + ".frozen must be true or false.");
            }
            return new LayerNode(id, kindId, params, x, y, frozen.asBoolean(false));
        }

        private Object value(ParamSpec spec, JsonNode v, String where) throws DocumentFormatException {
            switch (spec.type()) {
                case INTEGER -> {
                    if (!v.isIntegralNumber() && !(v.isNumber() && v.canConvertToExactIntegral())) {
                        throw new DocumentFormatException(where + " must be a whole number, not " + v + ".");
                    }
                    if (!v.canConvertToLong()) {
                        throw new DocumentFormatException(where + " is " + v + ", an absurd size; at most "
                                + String.format("%,d", spec.max().longValue()) + " is allowed.");
                    }
                    return v.asLong();
                }
                case DECIMAL -> {
                    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                        throw new DocumentFormatException(where + " must be a number, not " + v + ".");
                    }
                    return v.asDouble();
                }
                case BOOLEAN -> {
                    if (!v.isBoolean()) {
                        throw new DocumentFormatException(where + " must be true or false, not " + v + ".");
                    }
                    return v.asBoolean();
                }
                default -> {
                    if (!v.isTextual() || !spec.choices().contains(v.asText())) {
                        throw new DocumentFormatException(where + " must be one of " + String.join(", ", spec.choices()) + ", not " + v + ".");
                    }
                    return v.asText();
                }
            }
        }

        private Edge edge(JsonNode o, String where, Set<String> ids) throws DocumentFormatException {
            object(o, where);
            knownFields(o, EDGE_FIELDS, where);
            String from = text(o, "from", where + ".from");
            String to = text(o, "to", where + ".to");
            for (String end : new String[] {from, to}) {
                if (!ids.contains(end)) {
                    throw new DocumentFormatException(where + " connects '" + from + "' to '" + to
                            + "', but there is no layer '" + end + "'. Delete the wire or restore the layer.");
                }
            }
            return new Edge(from, (int) integer(o, "fromPort", where, 0, 0, 1024), to, (int) integer(o, "toPort", where, 0, 0, 1024));
        }

        private DataBinding data(JsonNode o) throws DocumentFormatException {
            knownFields(o, DATA_FIELDS, "data");
            String path = text(o, "path", "data.path");
            DataBinding.Format format = choice(o, "format", DataBinding.Format.class, DataBinding.Format.CSV);
            DataBinding d = DataBinding.of(path, format);
            if (o.has("label")) {
                d = d.withLabel(text(o, "label", "data.label"));
            }
            d = d.withColumns(texts(o, "ignore"), texts(o, "categorical"))
                    .withTask(choice(o, "task", DataBinding.TaskChoice.class, d.task()))
                    .withMissing(choice(o, "missing", DataBinding.MissingValues.class, d.missing()))
                    .withNormalization(choice(o, "normalization", DataBinding.Normalization.class, d.normalization()));
            if (o.has("split")) {
                JsonNode split = object(o.get("split"), "data.split");
                knownFields(split, Set.of("train", "validation", "test"), "data.split");
                double train = number(split, "train", "data.split", d.trainFraction());
                double validation = number(split, "validation", "data.split", d.validationFraction());
                double test = number(split, "test", "data.split", d.testFraction());
                if (train <= 0 || validation < 0 || test < 0 || Math.abs(train + validation + test - 1) > 1e-6) {
                    throw new DocumentFormatException("data.split fractions must be positive for train, not negative, and add up to 1; they are "
                            + train + ", " + validation + ", " + test + ".");
                }
                d = d.withSplit(train, validation, test);
            }
            if (o.has("augmentation")) {
                JsonNode a = object(o.get("augmentation"), "data.augmentation");
                knownFields(a, Set.of("flip", "rotation", "shift"), "data.augmentation");
                JsonNode flip = a.path("flip");
                if (!flip.isMissingNode() && !flip.isBoolean()) {
                    throw new DocumentFormatException("data.augmentation.flip must be true or false, not " + flip + ".");
                }
                d = d.withAugmentation(new DataBinding.Augmentation(flip.asBoolean(false),
                        number(a, "rotation", "data.augmentation", 0), (int) integer(a, "shift", "data.augmentation", 0, 0, 64)));
            }
            if (o.has("text")) {
                JsonNode t = object(o.get("text"), "data.text");
                knownFields(t, Set.of("columns", "tokens", "vocabulary", "minCount", "maxLength"), "data.text");
                DataBinding.Text def = DataBinding.Text.DEFAULT;
                d = d.withText(new DataBinding.Text(texts(t, "columns"),
                        choice(t, "tokens", DataBinding.Text.Tokens.class, def.tokens(), "data.text"),
                        (int) integer(t, "vocabulary", "data.text", def.vocabulary(), 3, 10_000_000),
                        (int) integer(t, "minCount", "data.text", def.minCount(), 1, 1_000_000),
                        (int) integer(t, "maxLength", "data.text", def.maxLength(), 1, 100_000)));
            }
            if (o.has("series")) {
                JsonNode t = object(o.get("series"), "data.series");
                knownFields(t, Set.of("window", "horizon", "differencing"), "data.series");
                JsonNode differencing = t.path("differencing");
                if (!differencing.isMissingNode() && !differencing.isBoolean()) {
                    throw new DocumentFormatException("data.series.differencing must be true or false, not " + differencing + ".");
                }
                DataBinding.Series def = DataBinding.Series.DEFAULT;
                d = d.withSeries(new DataBinding.Series((int) integer(t, "window", "data.series", def.window(), 1, 100_000),
                        (int) integer(t, "horizon", "data.series", def.horizon(), 0, 100_000), differencing.asBoolean(false)));
            }
            return d;
        }

        private <E extends Enum<E>> E choice(JsonNode o, String field, Class<E> type, E fallback) throws DocumentFormatException {
            return choice(o, field, type, fallback, "data");
        }

        private <E extends Enum<E>> E choice(JsonNode o, String field, Class<E> type, E fallback, String where)
                throws DocumentFormatException {
            if (!o.has(field)) {
                return fallback;
            }
            String value = text(o, field, where + "." + field);
            for (E e : type.getEnumConstants()) {
                if (lower(e).equals(value)) {
                    return e;
                }
            }
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(DocumentJson::lower).toList();
            throw new DocumentFormatException(where + "." + field + " '" + value + "' is not one of " + String.join(", ", names) + ".");
        }

        private List<String> texts(JsonNode o, String field) throws DocumentFormatException {
            JsonNode v = o.get(field);
            if (v == null) {
                return List.of();
            }
            List<String> out = new java.util.ArrayList<>();
            if (v.isArray()) {
                for (JsonNode item : v) {
                    if (!item.isTextual()) {
                        v = null;
                        break;
                    }
                    out.add(item.asText());
                }
            }
            if (v == null || !v.isArray()) {
                throw new DocumentFormatException("data." + field + " must be a list of column names.");
            }
            return out;
        }

        private TrainingSetup training(JsonNode o) throws DocumentFormatException {
            object(o, "training");
            knownFields(o, TRAINING_FIELDS, "training");
            TrainingSetup d = TrainingSetup.defaults();
            Optimizer optimizer = d.optimizer();
            if (o.has("optimizer")) {
                String name = text(o, "optimizer", "training.optimizer");
                optimizer = Optimizer.fromFileName(name);
                if (optimizer == null) {
                    throw new DocumentFormatException("training.optimizer '" + name + "' is not one of sgd, nesterov, adam, rmsprop, adagrad.");
                }
            }
            double lr = positive(o, "learningRate", d.learningRate());
            for (String field : List.of("momentum", "beta1", "beta2")) {
                double v = number(o, field, "training", 0);
                if (v < 0 || v >= 1) {
                    throw new DocumentFormatException("training." + field + " must be at least 0 and below 1, not " + v + ".");
                }
            }
            double l2 = number(o, "l2", "training", d.l2());
            double clip = number(o, "gradientClip", "training", d.gradientClip());
            double decayRate = number(o, "decayRate", "training", d.decayRate());
            if (l2 < 0 || clip < 0 || decayRate <= 0 || decayRate > 1) {
                throw new DocumentFormatException("training: l2 and gradientClip must not be negative and decayRate must be in (0, 1]; they are "
                        + l2 + ", " + clip + ", " + decayRate + ".");
            }
            JsonNode keepBest = o.path("keepBest");
            if (!keepBest.isMissingNode() && !keepBest.isBoolean()) {
                throw new DocumentFormatException("training.keepBest must be true or false, not " + keepBest + ".");
            }
            return new TrainingSetup(
                    optimizer,
                    lr,
                    number(o, "momentum", "training", d.momentum()),
                    number(o, "beta1", "training", d.beta1()),
                    number(o, "beta2", "training", d.beta2()),
                    positive(o, "epsilon", d.epsilon()),
                    (int) integer(o, "batchSize", "training", d.batchSize(), 1, 1_000_000),
                    (int) integer(o, "epochs", "training", d.epochs(), 1, 1_000_000),
                    integer(o, "seed", "training", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                    l2,
                    clip,
                    choice(o, "decay", TrainingSetup.Decay.class, d.decay(), "training"),
                    decayRate,
                    (int) integer(o, "decayEvery", "training", d.decayEvery(), 1, 1_000_000),
                    (int) integer(o, "patience", "training", d.patience(), 0, 1_000_000),
                    keepBest.asBoolean(d.keepBest()));
        }

        private double positive(JsonNode o, String field, double fallback) throws DocumentFormatException {
            double v = number(o, field, "training", fallback);
            if (v <= 0) {
                throw new DocumentFormatException("training." + field + " must be greater than 0, not " + v + ".");
            }
            return v;
        }

        private JsonNode object(JsonNode v, String where) throws DocumentFormatException {
            if (v == null || !v.isObject()) {
                throw new DocumentFormatException(where + " must be a JSON object.");
            }
            return v;
        }

        private JsonNode array(JsonNode o, String field, int max) throws DocumentFormatException {
            JsonNode v = o.get(field);
            if (v == null) {
                return JsonNodeFactory.instance.arrayNode();
            }
            if (!v.isArray()) {
                throw new DocumentFormatException(field + " must be a JSON array.");
            }
            if (v.size() > max) {
                throw new DocumentFormatException(String.format("%s holds %,d entries; at most %,d are allowed.", field, v.size(), max));
            }
            return v;
        }

        private String text(JsonNode o, String field, String where) throws DocumentFormatException {
            JsonNode v = o.get(field);
            if (v == null || !v.isTextual()) {
                throw new DocumentFormatException(where + " is missing or is not text.");
            }
            return v.asText();
        }

        private double number(JsonNode o, String field, String where, double fallback) throws DocumentFormatException {
            JsonNode v = o.get(field);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new DocumentFormatException(where + "." + field + " must be a number, not " + v + ".");
            }
            return v.asDouble();
        }

        private long integer(JsonNode o, String field, String where, long fallback, long min, long max) throws DocumentFormatException {
            JsonNode v = o.get(field);
            if (v == null) {
                return fallback;
            }
            if (!v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
                throw new DocumentFormatException(String.format("%s.%s must be a whole number from %,d to %,d, not %s.", where, field, min, max, v));
            }
            return v.asLong();
        }

        private void knownFields(JsonNode o, Set<String> allowed, String where) throws DocumentFormatException {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw new DocumentFormatException("Unknown field '" + name + "' in " + where + ".");
                }
            }
        }
    }

}
