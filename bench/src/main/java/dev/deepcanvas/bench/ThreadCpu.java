package dev.deepcanvas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this process's threads by kind (training, the window, garbage collection, JIT, ...),
 * read from /proc/self/task so that native threads (OpenMP workers, JIT compilers) count too. Empty
 * where there is no /proc. Used to show where the time goes when the dashboard is open.
 */
final class ThreadCpu {

    private ThreadCpu() {}

    /** Milliseconds of CPU so far, by kind of thread. */
    static Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (var list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, in 1/100 s
                    out.merge(kind(name), ticks * 10, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** CPU used since {@code before}, by kind; kinds that used under 5 ms left out. */
    static String since(Map<String, Long> before) {
        return between(before, snapshot());
    }

    /** CPU used from {@code before} to {@code after}, by kind; kinds that used under 5 ms left out. */
    static String between(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder sb = new StringBuilder();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d >= 5) {
                sb.append(' ').append(k).append('=').append(d);
            }
        });
        return sb.toString().trim();
    }

    // Linux truncates thread names to 15 characters.
    private static String kind(String name) {
        if (name.startsWith("deepcanvas-trai") || name.equals("main") || name.equals("java")) {
            return "training"; // the trainer (or the main thread for a headless run) and ND4J's OpenMP workers
        } else if (name.startsWith("JavaFX") || name.startsWith("GtkNative") || name.startsWith("QuantumRend")) {
            return "window";
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "gc";
        } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") || name.startsWith("Sweeper")) {
            return "jit";
        } else if (name.startsWith("Deallocator") || name.startsWith("JavaCPP") || name.startsWith("Reference")) {
            return "dealloc";
        }
        return "other";
    }
}
