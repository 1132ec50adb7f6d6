package dev.deepcanvas.runtime.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentFilesTest {

    @TempDir
    Path dir;

    private final DocumentFiles files = new DocumentFiles();

    @Test
    void save_then_load_gives_an_identical_document() throws Exception {
        NetworkDocument doc = DocumentJsonTest.sample();
        Path file = dir.resolve("net.deepcanvas");
        files.save(doc, file);
        assertEquals(doc, files.load(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void a_failed_save_leaves_the_old_file_untouched_and_no_temporary_file() throws Exception {
        Path file = dir.resolve("net.deepcanvas");
        files.save(DocumentJsonTest.sample(), file);
        byte[] before = Files.readAllBytes(file);
        NetworkDocument broken = DocumentJsonTest.sample();
        broken.setTraining(broken.training().toBuilder().optimizer(Optimizer.SGD, Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> files.save(broken, file));
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
        assertEquals(List.of(file), Files.list(dir).toList());
    }

    @Test
    void saving_keeps_the_permissions_of_the_file_it_replaces() throws Exception {
        Path file = dir.resolve("net.deepcanvas");
        files.save(DocumentJsonTest.sample(), file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        files.save(DocumentJsonTest.sample(), file);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void save_as_elsewhere_rebases_the_relative_data_path() throws Exception {
        Path project = dir.resolve("project");
        Path copies = dir.resolve("archive/2026");
        Files.createDirectories(project.resolve("data"));
        Files.createDirectories(copies);
        Files.writeString(project.resolve("data/iris.csv"), "a,b\n");
        NetworkDocument doc = DocumentJsonTest.sample();
        files.save(doc, project.resolve("net.deepcanvas"));
        files.saveAs(doc, project, copies.resolve("net.deepcanvas"));
        NetworkDocument moved = files.load(copies.resolve("net.deepcanvas"));
        assertEquals("../../project/data/iris.csv", moved.data().orElseThrow().path());
        Path resolved = DocumentFiles.resolveData(moved.data().orElseThrow(), copies.resolve("net.deepcanvas"));
        assertTrue(Files.exists(resolved), resolved.toString());
    }

    @Test
    void the_first_save_of_a_new_document_makes_its_absolute_data_path_relative() throws Exception {
        Path data = dir.resolve("downloads/iris.csv");
        Files.createDirectories(data.getParent());
        Files.writeString(data, "a,b\n");
        NetworkDocument doc = DocumentJsonTest.sample();
        doc.setData(doc.data().orElseThrow().withPath(data.toAbsolutePath().toString()));
        Path file = dir.resolve("projects/net.deepcanvas");
        Files.createDirectories(file.getParent());
        files.saveNew(doc, file);
        NetworkDocument saved = files.load(file);
        assertEquals("../downloads/iris.csv", saved.data().orElseThrow().path());
        assertEquals(data.toAbsolutePath(), DocumentFiles.resolveData(saved.data().orElseThrow(), file));
        assertEquals(saved, doc, "the open document refers to its data as the file does");
    }

    @Test
    void a_failed_first_save_keeps_the_absolute_data_path() throws Exception {
        NetworkDocument doc = DocumentJsonTest.sample();
        String absolute = dir.resolve("iris.csv").toAbsolutePath().toString();
        doc.setData(doc.data().orElseThrow().withPath(absolute));
        doc.setTraining(doc.training().toBuilder().optimizer(Optimizer.SGD, Double.POSITIVE_INFINITY).build());
        assertThrows(IllegalArgumentException.class, () -> files.saveNew(doc, dir.resolve("sub/net.deepcanvas")));
        assertEquals(absolute, doc.data().orElseThrow().path());
    }

    @Test
    void load_errors_name_the_file() throws Exception {
        Path file = dir.resolve("bad.deepcanvas");
        Files.writeString(file, "{\"formatVersion\": 1, \"name\": 5}");
        var e = assertThrows(DocumentFormatException.class, () -> files.load(file));
        assertEquals("bad.deepcanvas: name is missing or is not text.", e.getMessage());
    }

    @Test
    void binary_files_are_refused_as_not_text() throws Exception {
        Path file = dir.resolve("image.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        var e = assertThrows(DocumentFormatException.class, () -> files.load(file));
        assertEquals("image.png is not UTF-8 text; is it a DeepCanvas project?", e.getMessage());
    }
}
