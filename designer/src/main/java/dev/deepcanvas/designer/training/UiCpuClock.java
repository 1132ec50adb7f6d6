package dev.deepcanvas.designer.training;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used so far by the window's two busy threads: the JavaFX application thread (CSS,
 * layout, chart drawing commands) and the renderer (rasterising). Zero where the JVM cannot tell.
 */
final class UiCpuClock {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean supported = threads.isThreadCpuTimeSupported();
    private long fxThread = -1;
    private long renderThread = -1;

    /** Call on the JavaFX thread. */
    long nanos() {
        if (!supported) {
            return 0;
        }
        if (fxThread < 0) {
            fxThread = Thread.currentThread().getId();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    renderThread = t.getId();
                }
            }
        }
        long total = Math.max(0, threads.getThreadCpuTime(fxThread));
        if (renderThread >= 0) {
            total += Math.max(0, threads.getThreadCpuTime(renderThread));
        }
        return total;
    }
}
