package dev.deepcanvas.runtime.project;

import dev.deepcanvas.runtime.catalog.LayerCatalog;
import dev.deepcanvas.runtime.catalog.LayerKind;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.Edge;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place a project's data is prepared and checked against its network: the data panel
 * shows what it returns, and pressing Train uses the same prepared data without reading the file
 * again, as long as nothing it depends on changed (the binding, the seed, the layers at the
 * network's ends, and the file itself). Thread-safe; keeps the last result only.
 */
public final class DataPreparer {

    /** Prepared data (null when it could not be prepared) and every problem found. */
    public record Result(PreparedData data, List<Diagnostic> problems) {}

    private String lastKey;
    private Result last;

    /** Prepares and checks, or returns the last result when nothing it depends on changed. */
    public Result prepare(NetworkDocument doc, Path projectFile) throws IOException {
        String key = key(doc, projectFile);
        synchronized (this) {
            if (key.equals(lastKey)) {
                return last;
            }
        }
        Result result = check(doc, projectFile);
        synchronized (this) {
            lastKey = key;
            last = result;
        }
        return result;
    }

    /** The data prepared for exactly this document and file, when it is at hand and fits the network. */
    public Optional<PreparedData> ready(NetworkDocument doc, Path projectFile) {
        String key = key(doc, projectFile);
        synchronized (this) {
            return key.equals(lastKey) && last.data() != null && last.problems().stream().noneMatch(Diagnostic::isError)
                    ? Optional.of(last.data()) : Optional.empty();
        }
    }

    /** Prepares the data as training would and lists every mismatch with the network. */
    public static Result check(NetworkDocument doc, Path projectFile) throws IOException {
        NetworkAnalysis analysis = ShapeInference.analyse(doc);
        try {
            PreparedData data = ProjectData.prepare(doc, projectFile, analysis);
            return new Result(data, DataCheck.check(doc, analysis, data));
        } catch (ProjectException e) {
            return new Result(null, e.problems());
        }
    }

    /**
     * What the result depends on: the binding, the seed, the data file's size and time, and the
     * layers the check looks at (the network's inputs and outputs and the layers they feed).
     */
    public static String key(NetworkDocument doc, Path projectFile) {
        DataBinding binding = doc.data().orElse(null);
        StringBuilder k = new StringBuilder(String.valueOf(binding)).append('|').append(doc.training().seed());
        if (binding != null) {
            Path path = DocumentFiles.resolveData(binding, projectFile);
            try {
                k.append('|').append(Files.getLastModifiedTime(path)).append('|').append(Files.isDirectory(path) ? -1 : Files.size(path));
            } catch (IOException e) {
                k.append("|missing");
            }
        }
        LayerCatalog catalog = LayerCatalog.standard();
        Set<String> ends = new HashSet<>();
        for (LayerNode n : doc.nodes()) {
            LayerKind kind = catalog.find(n.kind()).orElse(null);
            if (kind != null && (kind.isNetworkInput() || kind.isNetworkOutput())) {
                ends.add(n.id());
            }
        }
        Set<String> watched = new HashSet<>(ends);
        for (Edge e : doc.edges()) {
            if (ends.contains(e.from())) {
                watched.add(e.to());
            }
        }
        doc.nodes().stream().filter(n -> watched.contains(n.id())).forEach(n -> k.append('|').append(n.id()).append(n.kind()).append(n.params()));
        return k.toString();
    }
}
