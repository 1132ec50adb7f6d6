package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.images.ImageEncoding;
import dev.deepcanvas.runtime.data.table.CsvRows;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
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
 * CSV file, one image, or every image under a folder (with its class sub-folder when there is one).
 */
final class ModelInputs {

    /** One input: where it came from, its raw values (CSV) or null, its encoded features. */
    record Input(String origin, Map<String, String> raw, float[] features) {}

    private static final List<String> IMAGE_ENDINGS = List.of(".png", ".jpg", ".jpeg", ".bmp");

    private ModelInputs() {}

    static List<Input> read(ModelBundle model, Path path) throws IOException, DataException {
        if (model.encoding() instanceof TabularEncoding table) {
            if (Files.isDirectory(path)) {
                throw new DataException(path.toString(), "this model reads CSV rows; give it a CSV file, not a folder");
            }
            List<Input> inputs = new ArrayList<>();
            CsvRows.forEach(path, (line, values) -> inputs.add(new Input("line " + line, values, encodeRow(table, path, line, values))));
            return inputs;
        }
        ImageEncoding images = (ImageEncoding) model.encoding();
        List<Path> files = imageFiles(path);
        List<Input> inputs = new ArrayList<>();
        for (Path file : files) {
            String origin = Files.isDirectory(path) ? path.relativize(file).toString().replace('\\', '/') : file.getFileName().toString();
            inputs.add(new Input(origin, null, images.encode(file)));
        }
        return inputs;
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
