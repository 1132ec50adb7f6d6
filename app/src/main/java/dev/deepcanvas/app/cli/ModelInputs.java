package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.data.table.CsvRows;
import dev.deepcanvas.runtime.data.table.SequenceEncoding;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Raw inputs for a saved model, encoded with the encoding fitted at training time: the rows of a
 * CSV file (table or text), the windows of a time series, one image or sequence file, or every one
 * under a folder (with its class sub-folder when there is one).
 */
final class ModelInputs {

    /**
     * One input: where it came from, its raw values (a CSV row; for a series the window's last row)
     * or null, its encoded features, its mask (sequences of different lengths) or null, the
     * target's last level (forecasts) or NaN, and the true answer as written in the data, when the
     * data has it (the label cell, the class folder, the value the forecast aims at), else null.
     */
    record Input(String origin, Map<String, String> raw, float[] features, float[] mask, double reference, String actual) {
        Input(String origin, Map<String, String> raw, float[] features, String actual) {
            this(origin, raw, features, null, Double.NaN, actual);
        }
    }

    private static final List<String> IMAGE_ENDINGS = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private ModelInputs() {}

    static List<Input> read(ModelBundle model, Path path) throws IOException, DataException {
        String label = model.target().name();
        if (model.encoding() instanceof TabularEncoding table) {
            noFolder(path, "CSV rows");
            List<Input> inputs = new ArrayList<>();
            CsvRows.forEach(path, (line, values) -> inputs.add(new Input("line " + line, values, encodeRow(table, path, line, values),
                    values.get(label))));
            return inputs;
        }
        if (model.encoding() instanceof TextEncoding text) {
            noFolder(path, "a CSV with a text column");
            List<Input> inputs = new ArrayList<>();
            CsvRows.forEach(path, (line, values) -> {
                for (String c : text.columns()) {
                    if (!values.containsKey(c)) {
                        throw new DataException(path.getFileName().toString(), line, c, null, "the text column is missing");
                    }
                }
                inputs.add(text(text, "line " + line, values, text.textOf(values), values.get(label)));
            });
            return inputs;
        }
        if (model.encoding() instanceof SeriesEncoding series) {
            noFolder(path, "a time series in a CSV");
            return windows(series, path);
        }
        List<Path> files = model.encoding() instanceof SequenceEncoding ? sequenceFiles(path) : imageFiles(path);
        List<Input> inputs = new ArrayList<>();
        for (Path file : files) {
            String origin = Files.isDirectory(path) ? path.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
            if (model.encoding() instanceof SequenceEncoding sequences) {
                SequenceEncoding.Encoded e = sequences.encode(file);
                inputs.add(new Input(origin, null, e.values(), e.mask(), Double.NaN, classFolder(origin)));
            } else {
                inputs.add(new Input(origin, null, ((ImageEncoding) model.encoding()).encode(file), classFolder(origin)));
            }
        }
        return inputs;
    }

    /** A typed or given text, encoded. */
    static Input text(TextEncoding encoding, String origin, Map<String, String> raw, String text, String actual) {
        TextEncoding.Encoded e = encoding.encode(text);
        return new Input(origin, raw, e.ids(), e.mask(), Double.NaN, actual);
    }

    /** Every complete window of the series, each answered by the value {@code horizon} rows after its last row. */
    private static List<Input> windows(SeriesEncoding series, Path path) throws IOException, DataException {
        List<Input> inputs = new ArrayList<>();
        for (SeriesEncoding.Cut c : series.cut(path)) {
            inputs.add(new Input("line " + c.line(), c.lastRow(), c.window().features(), null, c.window().lastLevel(), c.actual()));
        }
        return inputs;
    }

    /** What a model reads, for messages. */
    static String describe(ModelBundle model) {
        if (model.encoding() instanceof TextEncoding) {
            return "texts";
        }
        if (model.encoding() instanceof SeriesEncoding) {
            return "a time series";
        }
        if (model.encoding() instanceof SequenceEncoding) {
            return "sequence files";
        }
        return model.encoding() instanceof TabularEncoding ? "CSV rows" : "images";
    }

    private static void noFolder(Path path, String what) throws DataException {
        if (Files.isDirectory(path)) {
            throw new DataException(path.toString(), "this model reads " + what + "; give it a file, not a folder");
        }
    }

    private static List<Path> sequenceFiles(Path path) throws IOException, DataException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
            if (files.isEmpty()) {
                throw new DataException(path.toString(), "the folder holds no .csv sequence files");
            }
            return files;
        }
    }

    private static float[] encodeRow(TabularEncoding table, Path file, int line, Map<String, String> values) throws DataException {
        try {
            return table.encode(values);
        } catch (DataException e) {
            throw new DataException(file.getFileName().toString(), line, e.column(), e.value(), stripPlace(e));
        }
    }

    /** The problem part of an encoding message, whose place this caller knows better. */
    private static String stripPlace(DataException e) {
        String m = e.getMessage();
        int colon = m.indexOf(": ");
        return colon >= 0 && (e.column() != null || e.value() != null) ? m.substring(colon + 2) : m;
    }

    static List<Path> imageFiles(Path path) throws IOException, DataException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(ModelInputs::isImage).sorted().toList();
            if (files.isEmpty()) {
                throw new DataException(path.toString(), "the folder holds no .png, .jpg, .jpeg or .bmp images");
            }
            return files;
        }
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && IMAGE_ENDINGS.stream().anyMatch(name::endsWith);
    }

    /** The class folder an image sits in, relative to the data folder ("7/0042.png" → "7"), or null. */
    static String classFolder(String origin) {
        int slash = origin.indexOf('/');
        return slash < 0 ? null : origin.substring(0, slash);
    }
}
