package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar, run in its own JVM exactly as the README's command runs it. */
class PackagedCliIT {

    @Test
    void the_packaged_jar_prints_the_summary_of_a_sample() throws Exception {
        Path jar = Path.of("target/deepcanvas.jar");
        Process p = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.toString(), "summary", "../samples/templates/resnet50.deepcanvas"))
                .redirectErrorStream(false)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("Total params: 25,636,712\nTrainable params: 25,583,592\nNon-trainable params: 53,120\n"), out);
    }

    @Test
    void the_packaged_jar_reports_its_version() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", "target/deepcanvas.jar", "--version").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.startsWith("DeepCanvas 0.1.0-SNAPSHOT\n"), out);
    }
}
