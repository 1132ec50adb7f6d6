package dev.deepcanvas.app.desktop;

import dev.deepcanvas.runtime.compute.ComputeBackend;
import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.compute.OneDnn;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J (loading its native libraries, the slow part of a cold start) and describes the
 * backend in a few words for the status bar: "CPU · OpenBLAS · oneDNN · 2 threads", or the GPU's name.
 */
final class Dl4jBackend implements Callable<String> {

    @Override
    public String call() {
        NativeStart.prepare(); // before the natives load: the environment libgomp and OpenBLAS read then
        Nd4j.create(1); // forces the backend and its native libraries to load
        if (!Nd4j.getEnvironment().isCPU()) {
            return "GPU · " + ComputeBackend.current().describe(); // the GPU's name
        }
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        String device = Nd4j.getEnvironment().isCPU() ? "CPU" : "GPU";
        String blas = vendor(String.valueOf(env.getOrDefault("blas.vendor", "")).strip());
        int threads = ComputeThreads.limit();
        StringBuilder text = new StringBuilder(device);
        if (!blas.isEmpty() && !blas.equals("null")) {
            text.append(" · ").append(blas);
        }
        if (OneDnn.active()) {
            text.append(" · oneDNN");
        }
        text.append(" · ").append(threads).append(threads == 1 ? " thread" : " threads");
        return text.toString();
    }

    /** ND4J reports OPENBLAS, MKL, CUBLAS: shown as people write them. */
    static String vendor(String raw) {
        return switch (raw.toUpperCase(Locale.ROOT)) {
            case "OPENBLAS" -> "OpenBLAS";
            case "CUBLAS" -> "cuBLAS";
            default -> raw;
        };
    }
}
