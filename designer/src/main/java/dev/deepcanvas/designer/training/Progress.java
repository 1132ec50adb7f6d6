package dev.deepcanvas.designer.training;

import java.time.Duration;

/**
 * Where a run is: epoch and batch (both from 1), throughput, and the time left: measured from the
 * first epoch on, before that from the design's cost and this machine's calibration
 * ({@code estimated}), null when neither is known.
 */
public record Progress(int epoch, int epochs, int batch, int batches, double samplesPerSecond, Duration remaining, boolean estimated) {

    public static final Progress NONE = new Progress(0, 0, 0, 0, 0, null, false);

    public Progress(int epoch, int epochs, int batch, int batches, double samplesPerSecond, Duration remaining) {
        this(epoch, epochs, batch, batches, samplesPerSecond, remaining, false);
    }

    /** Share of the run done, 0 to 1. */
    public double fraction() {
        if (epochs <= 0 || batches <= 0) {
            return 0;
        }
        return Math.min(1, ((epoch - 1) + batch / (double) batches) / epochs);
    }

    /** "Epoch 3/20 · batch 5/8 · ETA 0:41 · 1,250 samples/s"; "ETA ~0:41 (estimate)" during the first epoch. */
    public String text() {
        if (epochs == 0) {
            return "";
        }
        StringBuilder s = new StringBuilder("Epoch " + epoch + "/" + epochs + " · batch " + batch + "/" + batches);
        if (remaining != null) {
            long secs = remaining.toSeconds();
            s.append(String.format(estimated ? " · ETA ~%d:%02d (estimate)" : " · ETA %d:%02d", secs / 60, secs % 60));
        }
        s.append(String.format(" · %,.0f samples/s", samplesPerSecond));
        return s.toString();
    }
}
