package dev.deepcanvas.runtime.document;

import dev.deepcanvas.runtime.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and saves project files. Saving writes a temporary file beside the target and renames it
 * over the old one, so a failed save leaves the old file as it was. The data path is stored
 * relative to the project file and rebased when a project is saved somewhere else.
 */
public final class DocumentFiles {

    /** The usual file name ending. */
    public static final String EXTENSION = ".deepcanvas";

    static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final DocumentJson json;

    public DocumentFiles(DocumentJson json) {
        this.json = json;
    }

    public DocumentFiles() {
        this(new DocumentJson());
    }

    public NetworkDocument load(Path file) throws IOException, DocumentFormatException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (size > MAX_FILE_BYTES) {
            throw new DocumentFormatException(String.format("%s is %,d MB; project files are at most %d MB. Is this the right file?",
                    file.getFileName(), size >> 20, MAX_FILE_BYTES >> 20));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DocumentFormatException(file.getFileName() + " is not UTF-8 text; is it a DeepCanvas project?");
        }
        try {
            return json.read(text);
        } catch (DocumentFormatException e) {
            throw new DocumentFormatException(file.getFileName() + ": " + e.getMessage());
        }
    }

    /** Saves to the file the document was loaded from (relative paths stay as they are). */
    public void save(NetworkDocument doc, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        saveAs(doc, absolute.getParent(), absolute);
    }

    /**
     * Saves to {@code target}; the document's relative data path, which was relative to {@code
     * fromDir}, is rewritten relative to the new file's folder. The document itself is updated.
     */
    public void saveAs(NetworkDocument doc, Path fromDir, Path target) throws IOException {
        Path targetDir = target.toAbsolutePath().getParent();
        write(doc, target, path -> rebase(path, fromDir.toAbsolutePath(), targetDir));
    }

    /**
     * Saves a document that had no file yet. Its data could only be referred to by absolute path;
     * from now on the path is relative to the new file's folder (unless it is on another drive), so
     * the project and its data can move together.
     */
    public void saveNew(NetworkDocument doc, Path target) throws IOException {
        Path targetDir = target.toAbsolutePath().getParent();
        write(doc, target, path -> Path.of(path).isAbsolute() ? relativePath(targetDir, Path.of(path)) : path);
    }

    /** Writes atomically with the data path rewritten; on failure the document keeps its old path. */
    private void write(NetworkDocument doc, Path target, java.util.function.UnaryOperator<String> newDataPath) throws IOException {
        DataBinding before = doc.data().orElse(null);
        if (before != null) {
            String path = newDataPath.apply(before.path());
            if (!path.equals(before.path())) {
                doc.setData(before.withPath(path));
            }
        }
        try {
            AtomicFiles.write(target, json.write(doc).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            if (before != null && !before.equals(doc.data().orElse(null))) {
                doc.setData(before);
            }
            throw e;
        }
    }

    /** How a project in {@code projectDir} refers to {@code data}: relative with '/', or absolute on another drive. */
    public static String relativePath(Path projectDir, Path data) {
        Path absolute = data.toAbsolutePath().normalize();
        try {
            return projectDir.toAbsolutePath().relativize(absolute).toString().replace('\\', '/');
        } catch (IllegalArgumentException differentRoot) {
            return absolute.toString();
        }
    }

    /** The path as the new folder sees it; absolute paths and paths on other drives stay absolute. */
    static String rebase(String path, Path fromDir, Path toDir) {
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return path;
        }
        return relativePath(toDir, fromDir.resolve(p));
    }

    /** Resolves the document's data path against the project file's folder. */
    public static Path resolveData(DataBinding data, Path projectFile) {
        return projectFile.toAbsolutePath().getParent().resolve(data.path()).normalize();
    }
}
