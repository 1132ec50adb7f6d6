package dev.deepcanvas.runtime.data.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Real data files from the test resources, and small CSV files written for one test. */
final class TestFiles {

    private TestFiles() {}

    /** A file of src/test/resources/data. */
    static Path data(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the lines, each ended by '\n'. */
    static Path csv(Path dir, String name, String... lines) {
        try {
            return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rows of a simple comma-separated file with a header (no quotes), by 1-based line
     * number, as column name → value: what a user would type in at prediction time.
     */
    static Map<Integer, Map<String, String>> rawRows(Path csv) {
        try {
            List<String> lines = Files.readAllLines(csv);
            String[] header = lines.get(0).split(",", -1);
            Map<Integer, Map<String, String>> rows = new HashMap<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split(",", -1);
                Map<String, String> row = new HashMap<>();
                for (int j = 0; j < header.length; j++) {
                    row.put(header[j], fields[j]);
                }
                rows.put(i + 1, row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Example {@code i}'s features. */
    static float[] features(dev.deepcanvas.runtime.data.Examples split, int i) {
        int w = split.featureWidth();
        return Arrays.copyOfRange(split.features(), i * w, (i + 1) * w);
    }

    /** Lines "x,label" with x = 0..n-1 and labels alternating a/b. */
    static String[] numberedRows(int n) {
        List<String> lines = new ArrayList<>();
        lines.add("x,label");
        for (int i = 0; i < n; i++) {
            lines.add(i + "," + (i % 2 == 0 ? "a" : "b"));
        }
        return lines.toArray(String[]::new);
    }
}
