package dev.deepcanvas.designer.files;

import dev.deepcanvas.runtime.document.DocumentFormatException;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Recovery copies of unsaved documents, one per running window, in {@code <home>/recovery}: the
 * document ({@code <session>.deepcanvas}) and what it belongs to ({@code <session>.properties}:
 * process id, original file, time). A copy whose process is gone is left over from a crash.
 */
public final class RecoveryStore {

    /** A recovery copy found after a crash. */
    public record Leftover(String session, Path document, Path original, String name, Instant saved) {}

    private final Path folder;
    private final String session = UUID.randomUUID().toString();
    private final DocumentJson json = new DocumentJson();

    public RecoveryStore(Path home) {
        this.folder = home.resolve("recovery");
    }

    public Path folder() {
        return folder;
    }

    /** Writes this window's recovery copy (atomically, so a crash mid-write keeps the previous copy). */
    public void write(NetworkDocument doc, Path original) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(session + ".deepcanvas"), json.write(doc).getBytes(StandardCharsets.UTF_8));
        Properties meta = new Properties();
        meta.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
        meta.setProperty("name", doc.name());
        meta.setProperty("saved", Instant.now().toString());
        if (original != null) {
            meta.setProperty("original", original.toAbsolutePath().toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        meta.store(new OutputStreamWriter(out, StandardCharsets.UTF_8), "DeepCanvas recovery copy");
        AtomicFiles.write(folder.resolve(session + ".properties"), out.toByteArray());
    }

    /** Removes this window's copy (the document was saved, or the window closed normally). */
    public void clear() {
        discard(session);
    }

    public boolean hasCopy() {
        return Files.exists(folder.resolve(session + ".deepcanvas"));
    }

    /** Copies whose window is no longer running, newest first. */
    public List<Leftover> leftovers() {
        List<Leftover> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path meta : files.filter(p -> p.toString().endsWith(".properties")).toList()) {
                read(meta).ifPresent(found::add);
            }
        } catch (IOException e) {
            return found;
        }
        found.sort((a, b) -> b.saved().compareTo(a.saved()));
        return found;
    }

    private Optional<Leftover> read(Path metaFile) {
        String name = metaFile.getFileName().toString();
        String id = name.substring(0, name.length() - ".properties".length());
        Path doc = folder.resolve(id + ".deepcanvas");
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            long pid = Long.parseLong(meta.getProperty("pid", "-1"));
            if (id.equals(session) || !Files.exists(doc) || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty();
            }
            String original = meta.getProperty("original");
            return Optional.of(new Leftover(id, doc, original == null ? null : Path.of(original),
                    meta.getProperty("name", "Untitled"), Instant.parse(meta.getProperty("saved", Instant.EPOCH.toString()))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public NetworkDocument load(Leftover leftover) throws IOException, DocumentFormatException {
        return json.read(Files.readString(leftover.document(), StandardCharsets.UTF_8));
    }

    public void discard(Leftover leftover) {
        discard(leftover.session());
    }

    private void discard(String id) {
        try {
            Files.deleteIfExists(folder.resolve(id + ".deepcanvas"));
            Files.deleteIfExists(folder.resolve(id + ".properties"));
        } catch (IOException e) {
            // a copy that cannot be removed is offered again next time; nothing is lost
        }
    }
}
