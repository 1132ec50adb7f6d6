package dev.deepcanvas.runtime.compute;

/**
 * What must be in place before ND4J's native libraries load, in one call for every entry point
 * (the app's main, the compiler, the bundle reader, the benchmarks): the environment libgomp reads
 * when it loads, and DL4J's permission to build oneDNN helpers. Repeated calls do nothing more.
 */
public final class NativeStart {

    private NativeStart() {}

    public static void prepare() {
        ComputeThreads.prepareEnvironment();
        OneDnn.enable();
    }
}
