package dev.deepcanvas.designer.training;

import java.time.Duration;

/**
 * Where a run is: epoch and batch (both from 1), throughput, and the estimated time left (null
 * until the first epoch ended).
 */
public record Progress(int epoch, int epochs, int batch, int batches, double samplesPerSecond, Duration remaining) {

    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, null);

    /** Share of the run done, 0 to 1. */
    public double fraction() {
        if (epochs <= 0 || batches <= 0) {
            return 0;
        }
        return Math.min(1, ((epoch - 1) + batch / (double) batches) / epochs);
    }

    /** "Epoch 3/20 · batch 5/8 · ETA 0:41 · 1,250 samples/s". */
    public String text() {
        if (epochs == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("Epoch " + epoch + "/" + epochs + " · batch " + batch + "/" + batches);
        if (remaining != null) {
            long secs = remaining.toSeconds();
            s.append(String.format(" · ETA %d:%02d", secs / 60, secs % 60));
        }
        s.append(String.format(" · %,.0f samples/s", samplesPerSecond));
        return s.toString();
    }
}
