package dev.deepcanvas.runtime.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The C environment as native libraries see it. The decisive check runs a fresh JVM started
 * without {@code OMP_WAIT_POLICY} (as {@code java -jar} or an installed launcher would start the
 * app) and asks libgomp itself, through {@code OMP_DISPLAY_ENV}, what it read when it loaded.
 */
class NativeEnvironmentTest {

    static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    @Test
    void a_variable_set_here_is_in_the_c_environment_and_a_set_one_is_kept() {
        assumeTrue(linux(), "writes glibc's environ");
        String name = "DEEPCANVAS_TEST_" + ProcessHandle.current().pid();
        assertEquals(Optional.empty(), NativeEnvironment.get(name));
        assertTrue(NativeEnvironment.setIfAbsent(name, "first"));
        assertEquals(Optional.of("first"), NativeEnvironment.get(name));
        assertFalse(NativeEnvironment.setIfAbsent(name, "second"), "a value already set wins");
        assertEquals(Optional.of("first"), NativeEnvironment.get(name));
        // everything that was there is still there
        assertEquals(Optional.of(System.getenv("PATH")), NativeEnvironment.get("PATH"));
    }

    @Test
    void openmp_sleeps_instead_of_spinning_when_the_jvm_was_started_without_the_variable() throws Exception {
        assumeTrue(linux(), "libgomp's report and glibc's environ");
        assertEquals("0", spinCount(true), "after NativeStart.prepare(), libgomp must load with OMP_WAIT_POLICY=PASSIVE (no spinning)");
        // the control: without the call libgomp spins 300,000 rounds, so the check above measures the call
        assertEquals("300000", spinCount(false));
    }

    @Test
    void openblas_idle_workers_get_the_shortest_timeout() throws Exception {
        assumeTrue(linux(), "glibc's environ");
        assertTrue(probe(true).contains("OPENBLAS_THREAD_TIMEOUT=4"));
        assertTrue(probe(false).contains("OPENBLAS_THREAD_TIMEOUT=unset"));
    }

    /** GOMP_SPINCOUNT as libgomp reports it in a new JVM without OMP_WAIT_POLICY. */
    static String spinCount(boolean prepare) throws Exception {
        String out = probe(prepare);
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.startsWith("GOMP_SPINCOUNT = '")) {
                return l.substring("GOMP_SPINCOUNT = '".length(), l.length() - 1);
            }
        }
        throw new AssertionError("libgomp printed no GOMP_SPINCOUNT:\n" + out);
    }

    /** The output of {@link Probe} in a new JVM without the variables NativeStart sets. */
    static String probe(boolean prepare) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), String.valueOf(prepare)));
        Map<String, String> env = pb.environment();
        env.remove("OMP_WAIT_POLICY");
        env.remove("GOMP_SPINCOUNT");
        env.remove("OPENBLAS_THREAD_TIMEOUT");
        env.put("OMP_DISPLAY_ENV", "VERBOSE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** Loads ND4J's natives (and with them libgomp), with or without the preparation first. */
    public static final class Probe {
        public static void main(String[] args) {
            if (Boolean.parseBoolean(args[0])) {
                NativeStart.prepare();
            }
            System.out.println(Nd4j.create(new float[] {1, 2}).sumNumber());
            System.out.println("OPENBLAS_THREAD_TIMEOUT=" + NativeEnvironment.get("OPENBLAS_THREAD_TIMEOUT").orElse("unset"));
        }
    }
}
