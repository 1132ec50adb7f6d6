package dev.deepcanvas.runtime.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.data.table.CsvFormat;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AtomicFiles;
import dev.deepcanvas.runtime.project.DataCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV project's data for exported Python code, as DeepCanvas prepared it: the rows of each split
 * in {@value #SPLIT_FILE} beside the code, and the encoding fitted on the training split (shifts,
 * scales, fill values, categories, classes) written into the code as constants, with a reader that
 * applies them. The frameworks' exporters wrap its rows in their own datasets.
 */
final class PythonTableData {

    static final String SPLIT_FILE = "split.json";
    static final String NOT_A_TABLE =
            "Data loading is generated for CSV tables of numbers and categories so far; feed the model arrays shaped as its inputs.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PreparedData data;
    private final Path dataPath;
    private final CsvFormat format;

    private PythonTableData(PreparedData data, Path dataPath, CsvFormat format) {
        this.data = data;
        this.dataPath = dataPath;
        this.format = format;
    }

    /**
     * The data of a CSV table project, or null (with a note saying why) when the code cannot read it
     * as DeepCanvas did: not a table of numbers and categories, no header line, or no data at all.
     */
    static PythonTableData of(PreparedData data, Path dataFile, Path folder, List<String> notes) throws IOException {
        if (data == null || dataFile == null) {
            return null;
        }
        if (!(data.encoding() instanceof TabularEncoding)) {
            notes.add(NOT_A_TABLE);
            return null;
        }
        try {
            CsvFormat format = CsvFormat.sniff(dataFile);
            if (!format.header()) {
                notes.add("The CSV has no header line; data loading is generated for CSV files with one.");
                return null;
            }
            return new PythonTableData(data, relativeIfClose(folder, dataFile), format);
        } catch (DataException e) {
            notes.add("The CSV could not be read (" + e.getMessage() + "); the code has no data loading.");
            return null;
        }
    }

    boolean classification() {
        return data.target().task() == Task.CLASSIFICATION;
    }

    /** How the labels reach the loss, as DeepCanvas shapes them for {@code doc}'s output. */
    enum Labels {
        /** a class index per example (PyTorch's cross-entropy takes these) */
        INDEX,
        /** one 0/1 column: a single sigmoid unit for two classes */
        YES_NO,
        /** one value per class */
        ONE_HOT,
        /** the standardised target */
        QUANTITY
    }

    Labels labels(NetworkDocument doc, String loss) {
        if (!classification()) {
            return Labels.QUANTITY;
        }
        if (DataCheck.wantsYesNoLabels(doc, data.target())) {
            return Labels.YES_NO;
        }
        return "cross_entropy".equals(loss) ? Labels.INDEX : Labels.ONE_HOT;
    }

    /** Writes {@value #SPLIT_FILE} into {@code folder}. */
    Path writeSplit(Path folder) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        lines(o.putArray("train"), data.train());
        lines(o.putArray("validation"), data.validation());
        lines(o.putArray("test"), data.test());
        Path file = folder.resolve(SPLIT_FILE);
        AtomicFiles.write(file, (o + "\n").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static void lines(ArrayNode array, Examples examples) {
        for (int origin : examples.origins()) {
            array.add(origin);
        }
    }

    /**
     * The constants, {@code encode(row)} and {@code load_rows()}: each split's rows as (encoded
     * features, label) pairs, the label a class index or the standardised target.
     */
    void write(PythonCode py) {
        JsonNode encoding = data.encoding().toJson();
        py.line(0, "# ---- the data, as DeepCanvas prepared it ----");
        py.line(0, "HERE = os.path.dirname(os.path.abspath(__file__))");
        py.line(0, "DATA_FILE = " + (dataPath.isAbsolute() ? PythonCode.str(dataPath.toString())
                : "os.path.join(HERE, " + PythonCode.str(dataPath.toString().replace('\\', '/')) + ")"));
        py.commented(0, "SPLIT_FILE = os.path.join(HERE, " + PythonCode.str(SPLIT_FILE) + ")", "CSV line numbers (the header is line 1) of each split");
        py.line(0, "LABEL = " + PythonCode.str(encoding.path("label").asText()));
        if (classification()) {
            py.line(0, "CLASSES = " + PythonCode.strings(data.target().classNames()));
        } else {
            py.commented(0, "TARGET_MEAN, TARGET_STD = " + PythonCode.num(data.target().mean()) + ", " + PythonCode.num(data.target().std()),
                    "DeepCanvas standardises the target on the training split");
        }
        py.line(0, "MISSING = {\"\", \"?\", \"na\", \"n/a\", \"nan\", \"null\"}");
        py.line(0, "# each feature as DeepCanvas encodes it, fitted on the training split:");
        py.line(0, "# (name, \"numeric\", shift, scale, fill): (value - shift) / scale");
        py.line(0, "# (name, \"categorical\", categories, fill): one-hot over the categories");
        py.line(0, "COLUMNS = [");
        for (JsonNode c : encoding.path("columns")) {
            String name = PythonCode.str(c.path("name").asText());
            JsonNode f = c.path("fill");
            String fill = f.isNull() || f.isMissingNode() ? "None" : f.isNumber() ? PythonCode.num(f.asDouble()) : PythonCode.str(f.asText());
            if ("numeric".equals(c.path("type").asText())) {
                py.line(1, "(" + name + ", \"numeric\", " + PythonCode.num(c.path("shift").asDouble()) + ", " + PythonCode.num(c.path("scale").asDouble())
                        + ", " + fill + "),");
            } else {
                List<String> categories = new ArrayList<>();
                c.path("categories").forEach(v -> categories.add(v.asText()));
                py.line(1, "(" + name + ", \"categorical\", " + PythonCode.strings(categories) + ", " + fill + "),");
            }
        }
        py.line(0, "]");
        py.blank();
        py.blank();
        py.line(0, "def encode(row):");
        py.line(1, "values = []");
        py.line(1, "for name, kind, *fitted in COLUMNS:");
        py.line(2, "raw = row[name].strip()");
        py.line(2, "missing = raw.lower() in MISSING");
        py.line(2, "if kind == \"numeric\":");
        py.line(3, "shift, scale, fill = fitted");
        py.line(3, "values.append(((fill if missing else float(raw)) - shift) / scale)");
        py.line(2, "else:");
        py.line(3, "categories, fill = fitted");
        py.line(3, "value = fill if missing else raw");
        py.line(3, "values.extend(1.0 if value == c else 0.0 for c in categories)");
        py.line(1, "return values");
        py.blank();
        py.blank();
        if (classification()) {
            py.line(0, "def class_name(raw):");
            py.line(1, "\"\"\"A label as DeepCanvas names its class: a number by its value (\"1.0\" is class \"1\").\"\"\"");
            py.line(1, "value = raw.strip()");
            py.line(1, "try:");
            py.line(2, "number = float(value)");
            py.line(1, "except ValueError:");
            py.line(2, "return value");
            py.line(1, "if not math.isfinite(number):");
            py.line(2, "return value");
            py.line(1, "return str(int(number)) if number == int(number) and abs(number) < 1e15 else repr(number)");
            py.blank();
            py.blank();
        }
        py.line(0, "def load_rows():");
        py.line(1, "\"\"\"Each split DeepCanvas made, as (encoded features, label) pairs.\"\"\"");
        py.line(1, "with open(SPLIT_FILE, encoding=\"utf-8\") as f:");
        py.line(2, "split = json.load(f)");
        py.line(1, "rows = {}");
        // read as DeepCanvas reads: its quote character, spaces around fields and names trimmed, bad bytes replaced
        py.line(1, "with open(DATA_FILE, newline=\"\", encoding=\"utf-8-sig\", errors=\"replace\") as f:");
        py.line(2, "reader = csv.DictReader(f, delimiter=" + PythonCode.str(String.valueOf(format.delimiter())) + ", quotechar="
                + PythonCode.str(String.valueOf(format.quote())) + ", skipinitialspace=True)");
        py.line(2, "reader.fieldnames = [name.strip() for name in reader.fieldnames]");
        py.line(2, "for row in reader:");
        py.commented(3, "rows[reader.line_num - sum(str(v).count(\"\\n\") for v in row.values())] = row",
                "the line the row starts on, as DeepCanvas counts");
        py.blank();
        py.line(1, "def label(row):");
        py.line(2, classification() ? "return CLASSES.index(class_name(row[LABEL]))" : "return (float(row[LABEL]) - TARGET_MEAN) / TARGET_STD");
        py.blank();
        py.line(1, "return {name: [(encode(rows[n]), label(rows[n])) for n in lines] for name, lines in split.items()}");
    }

    /** The data file as the code names it: relative to the code when they are close (one folder up at most), else absolute. */
    private static Path relativeIfClose(Path folder, Path dataFile) {
        Path relative;
        try {
            relative = folder.toAbsolutePath().normalize().relativize(dataFile.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return dataFile.toAbsolutePath().normalize(); // on another drive: no relative path exists
        }
        int up = 0;
        for (Path part : relative) {
            up += part.toString().equals("..") ? 1 : 0;
        }
        return up <= 1 ? relative : dataFile.toAbsolutePath().normalize();
    }
}
