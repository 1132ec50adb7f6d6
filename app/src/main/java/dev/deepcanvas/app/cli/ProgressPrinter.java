package dev.deepcanvas.app.cli;

import dev.deepcanvas.runtime.train.EpochMetrics;
import dev.deepcanvas.runtime.train.TrainingEvent;
import dev.deepcanvas.runtime.train.TrainingEvent.BatchEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Shows training progress on a terminal: a bar redrawn in place (at most 10 times a second) with
 * epoch, batch, loss, the last validation metric and the time left, and one permanent line per
 * epoch. When the output is not a terminal (a log, CI) only the epoch lines are printed.
 */
final class ProgressPrinter implements Consumer<TrainingEvent> {

    static final int BAR_WIDTH = 24;
    static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean interactive;
    private long lastDraw;
    private String validation = "";
    private Duration remaining;
    private int epochs;

    ProgressPrinter(PrintWriter out, boolean interactive, int epochs) {
        this.out = out;
        this.interactive = interactive;
        this.epochs = epochs;
    }

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof BatchEnded b && interactive) {
            long now = System.nanoTime();
            if (now - lastDraw >= REDRAW_NANOS || b.batch() == b.batches()) {
                lastDraw = now;
                out.print("\r" + bar(b) + "\033[K");
                out.flush();
            }
        } else if (event instanceof EpochEnded e) {
            epochs = e.epochs();
            remaining = e.remaining();
            validation = e.validation() == null ? "" : "val_" + e.validation().headlineName() + " " + format(e.validation().headline());
            out.print((interactive ? "\r\033[K" : "") + epochLine(e) + "\n");
            out.flush();
        }
    }

    String bar(BatchEnded b) {
        int filled = (int) Math.round(BAR_WIDTH * (double) b.batch() / b.batches());
        String eta = remaining == null ? "" : "  ETA " + clock(remaining);
        return String.format("epoch %d/%d [%s%s] %d/%d  loss %.4f  %s%s  %.0f samples/s", b.epoch(), epochs, "=".repeat(filled),
                " ".repeat(BAR_WIDTH - filled), b.batch(), b.batches(), b.loss(), validation, eta, b.samplesPerSecond());
    }

    static String epochLine(EpochEnded e) {
        StringBuilder s = new StringBuilder(String.format("epoch %" + digits(e.epochs()) + "d/%d  loss %.4f  %s %s", e.epoch(), e.epochs(),
                e.train().loss(), e.train().headlineName(), format(e.train().headline())));
        EpochMetrics v = e.validation();
        if (v != null) {
            s.append(String.format("  |  val_loss %.4f  val_%s %s", v.loss(), v.headlineName(), format(v.headline())));
            if (!v.isClassification()) {
                s.append(String.format("  val_r2 %.4f", v.r2()));
            }
        }
        s.append(String.format("  |  %s elapsed, %s left%s", clock(e.elapsed()), clock(e.remaining()), e.improved() ? "  *" : ""));
        return s.toString();
    }

    static String format(double v) {
        return String.format("%.4f", v);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }

    private static int digits(int n) {
        return Integer.toString(n).length();
    }
}
