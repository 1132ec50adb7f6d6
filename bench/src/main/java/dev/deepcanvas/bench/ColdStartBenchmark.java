package dev.deepcanvas.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start of the packaged application to its first frame, as the user starts it
 * ({@code java -jar app/target/deepcanvas.jar}, no arguments): plain, and with the class-data-
 * sharing archive the {@code deepcanvas} script creates on the first start. Each run is a new JVM.
 * Usage: {@code ColdStartBenchmark path/to/deepcanvas.jar [runs]} (needs a display, e.g. xvfb-run).
 */
public final class ColdStartBenchmark {

    private static final Pattern FRAME = Pattern.compile("first frame after (\\d+) ms");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path home = Files.createTempDirectory("deepcanvas-start");
        Path archive = home.resolve("window.jsa");
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
        start(jar, home, List.of("-XX:ArchiveClassesAtExit=" + archive)); // creates the archive, not timed
        double[] plain = new double[runs];
        double[] shared = new double[runs];
        for (int i = 0; i < runs; i++) { // interleaved, so machine load hits both alike
            plain[i] = start(jar, home, List.of());
            shared[i] = start(jar, home, List.of("-XX:SharedArchiveFile=" + archive));
        }
        EngineBenchmarkPrint.print("cold start to first frame (plain java -jar)", plain);
        EngineBenchmarkPrint.print("cold start to first frame (./deepcanvas, CDS)", shared);
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static double start(Path jar, Path home, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(extra);
        command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Dprism.order=sw", "-Ddeepcanvas.startup.exit=true",
                "-Ddeepcanvas.home=" + home, "-jar", jar.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("no first frame within 2 minutes");
        }
        Matcher m = FRAME.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("the application did not report its first frame:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
