package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentJson;
import dev.deepcanvas.runtime.document.LayerNode;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.shape.NetworkAnalysis;
import dev.deepcanvas.runtime.shape.ShapeInference;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Engine timings on a 1,000-layer document (residual blocks of Dense, BatchNorm, Activation,
 * Dropout and Add): re-validation after one edit (goal ≤ 5 ms), JSON save/load, and compiling to
 * an initialised DL4J graph. Run with bench/run-engine.sh; prints medians and p95 over repeats.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    static NetworkDocument thousandLayers() {
        var b = new DocumentBuilder("1,000 layers");
        b.add("VectorInput", "features", 64);
        b.then("Dense", "units", 64);
        while (b.build().nodes().size() + 5 <= 999) {
            String in = b.current();
            b.then("Dense", "units", 64, "activation", "identity");
            b.then("BatchNorm");
            b.then("Activation", "function", "relu");
            b.then("Dropout", "rate", 0.1);
            b.merge("Add", List.of(in, b.current()));
        }
        while (b.build().nodes().size() < 999) {
            b.then("Dropout");
        }
        b.then("Output", "units", 10);
        return b.build();
    }

    public static void main(String[] args) throws Exception {
        NetworkDocument doc = thousandLayers();
        System.out.printf("document: %d layers, %d wires%n", doc.nodes().size(), doc.edges().size());
        NetworkAnalysis first = ShapeInference.analyse(doc);
        System.out.printf("valid: %s, parameters: %,d%n", first.isValid(), first.totalParameters());

        LayerNode target = doc.node("dense_100").orElseThrow();
        long[] edits = new long[1];
        report("re-validate after one edit", 3000, () -> {
            // The edit a user makes in the inspector, then the analysis the designer runs.
            String activation = edits[0]++ % 2 == 0 ? "tanh" : "identity";
            doc.replace(target.withParam("activation", activation));
            return ShapeInference.analyse(doc);
        });

        DocumentJson json = new DocumentJson();
        report("write JSON", 200, () -> json.write(doc));
        String text = json.write(doc);
        System.out.printf("JSON size: %,d bytes%n", text.length());
        report("read JSON", 200, () -> {
            try {
                return json.read(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        NetworkCompiler compiler = new NetworkCompiler();
        report("compile to initialised ComputationGraph", 5, () -> {
            try {
                ComputationGraph g = compiler.compile(doc);
                return g.numParams();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Runs warm-up rounds, then prints median, p95 and max of {@code rounds} timed runs. */
    static void report(String what, int rounds, Supplier<Object> work) {
        int warmup = Math.max(2, rounds / 5);
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = work.get();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("%-42s median %8.3f ms   p95 %8.3f ms   max %8.3f ms   (%d runs%s)%n", what, ms[rounds / 2],
                ms[(int) Math.min(rounds - 1, Math.ceil(rounds * 0.95) - 1)], ms[rounds - 1], rounds, sink == null ? "" : "");
    }
}
