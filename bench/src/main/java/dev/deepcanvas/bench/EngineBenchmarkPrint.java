package dev.deepcanvas.bench;

import java.util.Arrays;

/** Prints a timing distribution in the engine benchmark's format. */
final class EngineBenchmarkPrint {

    private EngineBenchmarkPrint() {}

    static void print(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        System.out.printf("%-46s median %8.3f ms   p95 %8.3f ms   max %8.3f ms   (%d runs)%n", what, sorted[n / 2],
                sorted[(int) Math.min(n - 1, Math.ceil(n * 0.95) - 1)], sorted[n - 1], n);
    }
}
