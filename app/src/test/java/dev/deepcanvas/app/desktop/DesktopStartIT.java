package dev.deepcanvas.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application opens its window (headless, under Monocle) without arguments, and DL4J's
 * engine (ND4J's factory and its native libraries) is not loaded before the first frame.
 */
class DesktopStartIT {

    @TempDir
    Path home;

    private static String monocleJar() {
        String cp = System.getProperty("surefire.test.class.path", "") + File.pathSeparator + System.getProperty("java.class.path");
        return Arrays.stream(cp.split(File.pathSeparator)).filter(p -> p.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new AssertionError("Monocle is not on the test class path"));
    }

    @Test
    void the_window_opens_and_dl4j_waits_until_after_the_first_frame() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info",
                "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Ddeepcanvas.startup.exit=true", "-Ddeepcanvas.home=" + home,
                "-cp", "target/deepcanvas.jar" + File.pathSeparator + monocleJar(),
                "dev.deepcanvas.app.Main"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out.substring(Math.max(0, out.length() - 4000)));
        int frame = out.indexOf("first frame after ");
        assertTrue(frame > 0, "the window never drew");
        String before = out.substring(0, frame);
        assertTrue(before.contains("dev.deepcanvas.designer.DesignerWindow "), "the designer window was built");
        assertTrue(!before.contains("org.nd4j.linalg.factory.Nd4j "), "ND4J's factory loaded before the first frame");
        assertTrue(!before.contains("org.bytedeco."), "native libraries loaded before the first frame");
    }
}
