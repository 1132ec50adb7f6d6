package dev.deepcanvas.runtime.compute;

import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many CPU threads ND4J uses, set from inside the JVM so that every start path (the script,
 * {@code java -jar}, an installed launcher, the tests) behaves alike. ND4J has three pools: its
 * own ops' threads ("master" threads), OpenMP's (oneDNN's convolutions and ND4J's loops) and
 * OpenBLAS's (matrix products); by default each takes every core. For small networks the threads
 * cost more than they give: DL4J's steps are short, and idle OpenBLAS threads spin in {@code
 * sched_yield} against the OpenMP ones (measured in decision 0017: the MNIST MLP trains 1.6–1.8×
 * faster on one thread). So a design below {@link #PARALLEL_FROM} training operations per batch
 * gets one thread; larger ones (the convnets) get all of them.
 *
 * <p>{@code -Ddeepcanvas.threads=N} or the environment variable {@code DEEPCANVAS_THREADS}
 * caps the count (1 keeps every network on one thread); {@code OMP_NUM_THREADS} is honoured as ND4J
 * itself honours it.
 */
public final class ComputeThreads {

    private static final Logger LOG = LoggerFactory.getLogger(ComputeThreads.class);

    public static final String PROPERTY = "deepcanvas.threads";
    public static final String VARIABLE = "DEEPCANVAS_THREADS";

    /**
     * Training FLOPs per batch from which more threads pay: measured between the MNIST MLP at batch
     * 256 (0.36 GFLOP, faster on one thread) and the Keras MNIST convnet at batch 64 (1.0 GFLOP,
     * faster on two).
     */
    public static final double PARALLEL_FROM = 0.6e9;

    private static int limit;

    private ComputeThreads() {}

    /**
     * Before ND4J's natives load: threads that finish their work sleep instead of spinning, which
     * steals the core the next op needs. libgomp spins ~300,000 rounds by default; OpenBLAS's idle
     * workers call {@code sched_yield} for 2^28 cycles (28 % of the CPU while the Keras convnet
     * trains, whose convolutions are oneDNN's and hardly use BLAS; the shortest timeout makes it
     * 1.12× faster, decision 0017). A value the user set is kept.
     */
    public static void prepareEnvironment() {
        for (String[] v : new String[][] {{"OMP_WAIT_POLICY", "PASSIVE"}, {"OPENBLAS_THREAD_TIMEOUT", "4"}}) {
            if (NativeEnvironment.setIfAbsent(v[0], v[1])) {
                LOG.debug("{}={} set for ND4J's native threads", v[0], v[1]);
            }
        }
    }

    /** The most threads any network gets: the user's cap, else what ND4J chose at start (every core, or OMP_NUM_THREADS). */
    public static synchronized int limit() {
        if (limit == 0) {
            int chosen = Math.max(1, Nd4j.getEnvironment().maxMasterThreads());
            limit = userCap().orElse(chosen);
        }
        return limit;
    }

    /** The rule in one line, e.g. "1 thread below 0.6 GFLOP per batch, else 2". */
    public static String policy() {
        return String.format(Locale.ROOT, "1 thread below %.1f GFLOP per batch, else %d", PARALLEL_FROM / 1e9, limit());
    }

    /** The thread count for a design costing {@code flopsPerBatch} to train one batch. */
    public static int forWork(double flopsPerBatch) {
        return flopsPerBatch < PARALLEL_FROM ? 1 : limit();
    }

    /** Sets all three pools to the count for this work and returns it. */
    public static int applyFor(double flopsPerBatch) {
        int n = forWork(flopsPerBatch);
        set(n);
        return n;
    }

    /** Sets ND4J's own, OpenMP's and OpenBLAS's thread counts; a backend without them (CUDA) is left alone. */
    public static synchronized void set(int threads) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return;
        }
        limit(); // read ND4J's own choice before the first change hides it
        try {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            Nd4j.factory().blas().setMaxThreads(threads);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.warn("could not set ND4J's thread count to {}; it keeps its own", threads, e);
        }
    }

    /** The threads ND4J's ops use now. */
    public static int current() {
        return Nd4j.getEnvironment().maxMasterThreads();
    }

    static Optional<Integer> userCap() {
        String value = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below, like any other unusable value
        }
        LOG.warn("ignoring the thread cap \"{}\": not a whole number from 1", value);
        return Optional.empty();
    }
}
