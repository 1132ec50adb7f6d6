package dev.deepcanvas.runtime.compute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which device trains the networks, for the status bar and the command line: "CPU, 2 threads
 * (Intel Xeon ...)" or "GPU: NVIDIA ...". A build made with the {@code cuda} profile carries both
 * backends; ND4J skips CUDA when no usable GPU or driver is present and runs on the CPU, and
 * {@link #notice()} then says so in plain words.
 *
 * <p>Calling {@link #current()} loads ND4J (a second or two the first time): never on the UI thread.
 */
public record ComputeBackend(boolean gpu, String device, int threads, Optional<String> notice) {

    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    public static ComputeBackend current() {
        var backend = Nd4j.getBackend();
        boolean gpu = !backend.getEnvironment().isCPU();
        int threads = gpu ? backend.getEnvironment().maxThreads() : ComputeThreads.limit();
        if (gpu) {
            Object devices = Nd4j.getExecutioner().getEnvironmentInformation().get("cuda.devicesInformation");
            return new ComputeBackend(true, "GPU" + (devices == null ? "" : ": " + devices), threads, Optional.empty());
        }
        Optional<String> notice = cudaOnClasspath()
                ? Optional.of("This build can use an NVIDIA GPU, but none could be used here (no GPU, driver or CUDA 11.6): training runs on the CPU.")
                : Optional.empty();
        NativeStart.prepare();
        String helpers = OneDnn.active() ? ", oneDNN" : "";
        return new ComputeBackend(false, "CPU" + cpuModel().map(m -> " (" + m + ")").orElse("") + helpers, threads, notice);
    }

    /**
     * The bytes ND4J may allocate outside the Java heap on the CPU (JavaCPP's limit, by default the
     * heap's maximum); empty when there is no limit ({@code -Dorg.bytedeco.javacpp.maxbytes=0}) or
     * training runs on a GPU, whose memory this does not describe.
     */
    public static OptionalLong memoryLimit() {
        long max = Pointer.maxBytes();
        return max <= 0 || !Nd4j.getBackend().getEnvironment().isCPU() ? OptionalLong.empty() : OptionalLong.of(max);
    }

    /** One line, e.g. "CPU (AMD EPYC 7B13), oneDNN, 2 threads". */
    public String describe() {
        return gpu ? device : device + ", " + threads + " thread" + (threads == 1 ? "" : "s");
    }

    static boolean cudaOnClasspath() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, ComputeBackend.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The CPU's model name where the OS tells it (Linux). */
    static Optional<String> cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim().replaceAll("\\s+", " "))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
