package dev.deepcanvas.designer.training;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.CsvRows;
import dev.deepcanvas.runtime.data.text.TextEncoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the evaluation shows beside a listed example of a CSV: the raw row, or for text data the
 * text the model read (its text columns joined), indexed by the example's 1-based line.
 */
final class OriginTexts {

    private static final Logger LOG = LoggerFactory.getLogger(OriginTexts.class);
    /** Larger files are not kept in memory for this. */
    static final long MAX_BYTES = 20_000_000;

    private OriginTexts() {}

    /** Entry {@code line - 1} is what to show for an example from that line; empty for image folders and large or unreadable files. */
    static List<String> of(PreparedData data, Path csv) {
        if (!data.imageFiles().isEmpty() || !Files.isRegularFile(csv)) {
            return List.of();
        }
        try {
            if (Files.size(csv) > MAX_BYTES) {
                return List.of();
            }
            if (data.encoding() instanceof TextEncoding text) {
                CsvRows.Table table = CsvRows.read(csv);
                int last = table.lines().isEmpty() ? 0 : table.lines().get(table.size() - 1);
                List<String> texts = new ArrayList<>(Collections.nCopies(last, ""));
                for (int i = 0; i < table.size(); i++) {
                    texts.set(table.lines().get(i) - 1, text.textOf(table.rows().get(i)));
                }
                return texts;
            }
            return Files.readAllLines(csv);
        } catch (IOException | RuntimeException | DataException e) {
            LOG.warn("cannot read {} to show the listed examples' rows", csv, e);
            return List.of();
        }
    }
}
