package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.TableLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * CSV preparation on 1,000,000 rows × 20 numeric columns (goal ≤ 3 s): reading, type detection,
 * encoding, standardising with training statistics and the seeded split, i.e. everything
 * {@link TableLoader#prepare} does. Once with a regression target, once with 10 class codes.
 * Run with bench/run-csv.sh; prints the median and the fastest of the timed runs.
 */
public final class CsvBenchmark {

    static final int ROWS = 1_000_000;
    static final int COLUMNS = 20;
    static final int RUNS = 5;

    private CsvBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("deepcanvas-csv-bench");
        try {
            Path regression = write(dir.resolve("regression.csv"), false);
            Path classes = write(dir.resolve("classes.csv"), true);
            System.out.printf("file: %,d rows × %d numeric columns, %,d bytes%n", ROWS, COLUMNS, Files.size(regression));
            measure("regression (target: a quantity)", regression);
            measure("classification (label: 10 class codes)", classes);
        } finally {
            for (String name : new String[] {"regression.csv", "classes.csv"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** 19 features and a last column "target": numbers with four decimals, as exported data often has. */
    static Path write(Path file, boolean classLabel) throws IOException {
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int j = 1; j < COLUMNS; j++) {
                line.append("f").append(j).append(',');
            }
            out.append(line).append("target\n");
            for (int r = 0; r < ROWS; r++) {
                line.setLength(0);
                for (int j = 1; j < COLUMNS; j++) {
                    appendDecimal(line, random.nextInt(2_000_000) - 1_000_000);
                    line.append(',');
                }
                if (classLabel) {
                    line.append(random.nextInt(10));
                } else {
                    appendDecimal(line, random.nextInt(2_000_000));
                }
                out.append(line).append('\n');
            }
        }
        return file;
    }

    /** Writes {@code tenThousandths / 10000} with four decimals, e.g. -37.1234. */
    private static void appendDecimal(StringBuilder s, int tenThousandths) {
        if (tenThousandths < 0) {
            s.append('-');
            tenThousandths = -tenThousandths;
        }
        s.append(tenThousandths / 10_000).append('.');
        String fraction = Integer.toString(tenThousandths % 10_000);
        s.append("0000", 0, 4 - fraction.length()).append(fraction);
    }

    static void measure(String what, Path file) throws Exception {
        DataBinding binding = DataBinding.csv(file.getFileName().toString());
        TableLoader.prepare(file, binding, 42); // warm-up: class loading and JIT
        double[] seconds = new double[RUNS];
        PreparedData last = null;
        for (int i = 0; i < RUNS; i++) {
            System.gc();
            long t0 = System.nanoTime();
            last = TableLoader.prepare(file, binding, 42);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[RUNS / 2];
        System.out.printf("%-42s median %.3f s (%,.0f rows/s)   fastest %.3f s   slowest %.3f s   (%d runs; %s, %d train rows)%n",
                what, median, ROWS / median, seconds[0], seconds[RUNS - 1], RUNS, last.target().task(), last.train().size());
    }
}
