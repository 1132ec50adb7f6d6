package dev.deepcanvas.designer.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.NetworkDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryStoreTest {

    @TempDir
    Path home;

    /** A recovery copy as a crashed window (a finished process) would have left it. */
    static void writeAsDeadProcess(Path home, NetworkDocument doc, Path original) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path folder = home.resolve("recovery");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("crashed.deepcanvas"), new DocumentJson().write(doc), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("crashed.properties"), "pid=" + finished.pid() + "\nname=" + doc.name()
                + "\nsaved=" + Instant.now() + (original == null ? "" : "\noriginal=" + original.toString().replace("\\", "\\\\")) + "\n");
    }

    @Test
    void a_running_windows_copy_is_not_a_leftover_and_clear_removes_it() throws Exception {
        RecoveryStore store = new RecoveryStore(home);
        store.write(new DocumentBuilder("x").build(), null);
        assertTrue(store.hasCopy());
        assertTrue(store.leftovers().isEmpty());
        assertTrue(new RecoveryStore(home).leftovers().isEmpty(), "another window sees this process is alive");
        store.clear();
        assertFalse(store.hasCopy());
    }

    @Test
    void a_copy_whose_process_is_gone_is_offered_with_its_content() throws Exception {
        var b = new DocumentBuilder("lost work");
        b.add("VectorInput");
        NetworkDocument doc = b.build();
        writeAsDeadProcess(home, doc, home.resolve("a.deepcanvas"));
        RecoveryStore store = new RecoveryStore(home);
        var left = store.leftovers();
        assertEquals(1, left.size());
        assertEquals("lost work", left.get(0).name());
        assertEquals(home.resolve("a.deepcanvas"), left.get(0).original());
        assertEquals(doc, store.load(left.get(0)));
        store.discard(left.get(0));
        assertTrue(store.leftovers().isEmpty());
    }
}
