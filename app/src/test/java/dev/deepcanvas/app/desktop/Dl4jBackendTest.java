package dev.deepcanvas.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Dl4jBackendTest {

    @Test
    void the_status_bar_names_the_device_and_the_blas_library() {
        String text = new Dl4jBackend().call();
        assertTrue(text.startsWith("CPU"), text);
        assertTrue(text.matches("CPU( · \\S+)*( · \\d+ threads)?"), text);
        if (System.getProperty("nd4j.native.classifier", "").endsWith("-onednn")) {
            assertTrue(text.contains(" · oneDNN"), "the build ships ND4J with oneDNN and DL4J's helpers are on: " + text);
        }
    }

    @Test
    void vendor_names_are_written_as_people_write_them() {
        assertEquals("OpenBLAS", Dl4jBackend.vendor("OPENBLAS"));
        assertEquals("MKL", Dl4jBackend.vendor("MKL"));
    }
}
