package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Started as {@code java -jar} starts it, without the script's environment: the thread
     * behaviour is the one the script gives (issue 10). libgomp reports what it read when it
     * loaded (OMP_DISPLAY_ENV): no spinning; the tiny iris network trains on one thread.
     */
    @Test
    void the_packaged_jar_trains_with_the_same_thread_settings_as_the_script(@TempDir Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddeepcanvas.home=" + dir.resolve("home"), "-jar", "target/deepcanvas.jar", "train", "../samples/iris/iris.deepcanvas",
                "--epochs", "1", "--out", dir.resolve("iris.dcmodel").toString()));
        pb.environment().remove("OMP_WAIT_POLICY");
        pb.environment().put("OMP_DISPLAY_ENV", "VERBOSE");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + err);
        assertTrue(err.contains("GOMP_SPINCOUNT = '0'"), err);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertTrue(out.contains("this network trains on 1 (small networks train faster on one)"), out);
        }
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
