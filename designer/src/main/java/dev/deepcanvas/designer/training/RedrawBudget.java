package dev.deepcanvas.designer.training;

/**
 * How often the dashboard may redraw so that the window costs training almost nothing: the CPU the
 * window's threads used since the last redraw is compared with a share of the machine (all
 * cores); above it the interval grows, well below it shrinks, never faster than {@link
 * #MIN_INTERVAL_NANOS} (30 per second) nor slower than {@link #MAX_INTERVAL_NANOS}. On a laptop
 * with two cores the dashboard redraws a few times a second; on a larger machine up to 30.
 */
final class RedrawBudget {

    static final long MIN_INTERVAL_NANOS = 1_000_000_000L / TrainingController.MAX_REDRAWS_PER_SECOND;
    static final long MAX_INTERVAL_NANOS = 1_000_000_000L;

    private final double share;
    private final int cores;
    private long interval = MIN_INTERVAL_NANOS;

    /**
     * @param share the part of the machine's CPU the window may use while training, e.g. 0.015
     * @param cores processors available
     */
    RedrawBudget(double share, int cores) {
        this.share = share;
        this.cores = Math.max(1, cores);
    }

    /** After a redraw: {@code uiCpuNanos} used by the window's threads over {@code wallNanos}. Returns the next interval. */
    long update(long wallNanos, long uiCpuNanos) {
        if (wallNanos <= 0) {
            return interval;
        }
        double used = uiCpuNanos / (double) (wallNanos * cores);
        if (used > share) {
            interval = Math.min(MAX_INTERVAL_NANOS, (long) (interval * Math.min(3, used / share)));
        } else if (used < share / 2) {
            interval = Math.max(MIN_INTERVAL_NANOS, (long) (interval / 1.25));
        }
        return interval;
    }

    long interval() {
        return interval;
    }
}
