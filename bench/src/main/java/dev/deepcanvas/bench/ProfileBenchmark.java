package dev.deepcanvas.bench;

import dev.deepcanvas.runtime.compute.ComputeThreads;
import dev.deepcanvas.runtime.compute.NativeStart;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.images.ImageFolderLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.train.Trainer;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import one.profiler.AsyncProfiler;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Issue 10, point 3: where the time of a training step goes. Trains one workload through the
 * product's own path (TrainingRun → Trainer, as the window and the CLI do) with async-profiler
 * sampling every thread's CPU time, after a warm-up epoch that is not profiled, and prints the CPU
 * time per owner (DeepCanvas, DL4J, ND4J's Java side, JavaCPP, ND4J's native kernels, the JVM) and
 * the Java frames that the most time is spent under.
 *
 * <p>Usage: bench/run-profile.sh [workload] [epochs]; a workload is a sample name (iris, digits,
 * mnist, …) or mlp64 / mlp256 (the MLP of bench/run-training.sh at that batch size).
 */
public final class ProfileBenchmark {

    private ProfileBenchmark() {}

    public static void main(String[] args) throws Exception {
        NativeStart.prepare();
        String workload = args.length > 0 ? args[0] : "mlp64";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path out = Path.of("bench/target/profile-" + workload + ".collapsed");
        Files.createDirectories(out.getParent());

        trainer(workload, 1).run();
        overrideThreads();
        Trainer measured = trainer(workload, epochs);
        overrideThreads();
        System.out.printf("threads: ND4J ops %d, OpenBLAS %d (%s)%n", Nd4j.getEnvironment().maxMasterThreads(),
                Nd4j.factory().blas().getMaxThreads(), ComputeThreads.policy());
        long[] batches = new long[1];
        measured.addListener(e -> {
            if (e instanceof TrainingEvent.BatchEnded) {
                batches[0]++;
            }
        });
        // -Dasyncprofiler.event=none times the run without sampling (to compare thread settings)
        String event = System.getProperty("asyncprofiler.event", "cpu");
        AsyncProfiler profiler = event.equals("none") ? null : AsyncProfiler.getInstance(System.getProperty("asyncprofiler.lib"));
        if (profiler != null) {
            profiler.execute("start,event=" + event + ",interval=1ms");
        }
        long t0 = System.nanoTime();
        measured.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %d steps in %.2f s, %.2f ms per step (wall); OMP_NUM_THREADS=%s OPENBLAS_NUM_THREADS=%s OMP_WAIT_POLICY=%s%n",
                workload, batches[0], seconds, 1000 * seconds / batches[0], System.getenv("OMP_NUM_THREADS"),
                System.getenv("OPENBLAS_NUM_THREADS"), System.getenv("OMP_WAIT_POLICY"));
        if (profiler != null) {
            profiler.execute("stop,file=" + out.toAbsolutePath() + ",collapsed,lib");
            report(Files.readAllLines(out), batches[0]);
            System.out.println("stacks: " + out + " (flame graph: any collapsed-stack viewer)");
        }
    }

    /** Experiments: thread counts set after the product chose them (-Dthreads.master, -Dthreads.omp, -Dthreads.blas). */
    static void overrideThreads() {
        if (System.getProperty("threads.master") != null) {
            Nd4j.getEnvironment().setMaxMasterThreads(Integer.getInteger("threads.master"));
        }
        if (System.getProperty("threads.omp") != null) {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(Integer.getInteger("threads.omp"));
        }
        if (System.getProperty("threads.blas") != null) {
            Nd4j.factory().blas().setMaxThreads(Integer.getInteger("threads.blas"));
        }
    }

    static Trainer trainer(String workload, int epochs) throws Exception {
        Map<String, Function<Integer, NetworkDocument>> mnist = Map.of(
                "mlp", TrainingBenchmark::mlpDocument,
                "lenet", TrainingBenchmark::lenetDocument,
                "convnet", batch -> TrainingBenchmark.templateDocument("keras-mnist-convnet", batch));
        String kind = workload.replaceAll("[0-9]+$", "");
        if (mnist.containsKey(kind)) {
            int batch = Integer.parseInt(workload.substring(kind.length()));
            Path images = Path.of("samples/mnist/data/images");
            PreparedData data = ImageFolderLoader.prepare(images, DataBinding.images(images.toString()).withSplit(0.8, 0.1, 0.1),
                    TrainingBenchmark.SEED, 28, 28, 1);
            NetworkDocument doc = mnist.get(kind).apply(batch);
            doc.setTraining(doc.training().toBuilder().epochs(epochs).build());
            return TrainingRun.prepare(doc, ShapeInference.analyse(doc), data).trainer();
        }
        Path file = Path.of("samples", workload, workload + DocumentFiles.EXTENSION);
        NetworkDocument doc = new DocumentFiles().load(file);
        doc.setTraining(doc.training().toBuilder().epochs(epochs).earlyStopping(0, false).build());
        return TrainingRun.prepare(doc, file).trainer();
    }

    /** Samples by owner of the frame that was running (self time), and by the Java frame above it. */
    static void report(List<String> stacks, long steps) throws IOException {
        Map<String, Long> owners = new LinkedHashMap<>();
        Map<String, Long> javaFrames = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        long total = 0;
        for (String line : stacks) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long count = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).split(";");
            total += count;
            owners.merge(owner(frames[frames.length - 1]), count, Long::sum);
            String java = deepestJava(frames);
            javaFrames.merge(java == null ? "(no Java frame: " + threadKind(frames) + ")" : java, count, Long::sum);
            String mine = deepestOurs(frames);
            if (mine != null) {
                ours.merge(mine, count, Long::sum);
            }
        }
        long all = total;
        System.out.printf(Locale.ROOT, "CPU samples: %d (1 ms each, all threads), %.2f ms of CPU per step%n", total, (double) total / steps);
        System.out.println("by owner of the running code:");
        owners.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        System.out.println("deepest Java frame (the call the time is spent under), top 15:");
        javaFrames.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        System.out.println("deepest DeepCanvas frame, top 10 (everything our code calls, DL4J's fit included):");
        ours.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
    }

    static String owner(String frame) {
        String library = library(frame);
        if (library != null) {
            if (library.startsWith("libnd4jcpu") || library.startsWith("libjnind4jcpu")) {
                return "ND4J native (libnd4jcpu)";
            }
            if (library.startsWith("libopenblas") || library.startsWith("libdnnl") || library.startsWith("libmkldnn")) {
                return "BLAS / oneDNN kernels (" + library + ")";
            }
            if (library.startsWith("libgomp")) {
                return "OpenMP runtime (libgomp)";
            }
            if (library.startsWith("libjvm")) {
                return "JVM (GC, JIT compiler, runtime)";
            }
            if (frame.contains("sched_yield")) {
                return "sched_yield (idle threads spinning)";
            }
            return library.startsWith("libc") || library.startsWith("libpthread") || library.startsWith("libm")
                    ? "C library" : "other native (" + library + ")";
        }
        if (frame.endsWith("_[k]")) {
            return "kernel";
        }
        String f = frame.replace('/', '.');
        if (f.startsWith("dev.deepcanvas")) {
            return "DeepCanvas (Java)";
        }
        if (f.startsWith("org.deeplearning4j")) {
            return "DL4J (Java)";
        }
        if (f.startsWith("org.nd4j")) {
            return "ND4J (Java)";
        }
        if (f.startsWith("org.bytedeco")) {
            return "JavaCPP (Java)";
        }
        if (f.startsWith("java.") || f.startsWith("jdk.") || f.startsWith("sun.") || f.startsWith("com.sun.")) {
            return "JDK (Java)";
        }
        return f.contains("_[j]") || f.contains("_[i]") ? "JVM (GC, JIT compiler, runtime)" : "other: " + f;
    }

    private static String deepestJava(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            String f = frames[i];
            if (library(f) == null && !f.endsWith("_[k]") && f.contains("/")) {
                return f.replace('/', '.');
            }
        }
        return null;
    }

    /** The shared library of a native frame ("libc.so.6`memcpy" or a bare path), null for a Java frame. */
    static String library(String frame) {
        int tick = frame.indexOf('`');
        if (tick > 0) {
            return frame.substring(0, tick);
        }
        if (frame.startsWith("/") || frame.startsWith("[")) {
            String name = frame.substring(frame.lastIndexOf('/') + 1);
            return name.isEmpty() ? frame : name;
        }
        return null;
    }

    private static String deepestOurs(String[] frames) {
        for (int i = frames.length - 1; i >= 0; i--) {
            if (frames[i].startsWith("dev/deepcanvas")) {
                return frames[i].replace('/', '.');
            }
        }
        return null;
    }

    private static String threadKind(String[] frames) {
        for (String f : frames) {
            String library = library(f);
            if (library != null && library.startsWith("libgomp")) {
                return "OpenMP worker";
            }
            if (library != null && library.startsWith("libopenblas")) {
                return "OpenBLAS worker";
            }
            if (library != null && library.startsWith("libjvm")) {
                return "JVM thread (GC, compiler)";
            }
        }
        return frames[0];
    }
}
