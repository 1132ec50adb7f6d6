package dev.deepcanvas.designer.files;

import dev.deepcanvas.designer.model.DesignerModel;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every so often (30 s by default) writes the unsaved document to the recovery store; removes the
 * copy once nothing is unsaved. Runs on the JavaFX thread, where the document lives.
 *
 * <p>The clock is a plain scheduler thread, not a JavaFX {@code Timeline}: while any animation
 * runs, JavaFX pulses 60 times a second and walks the whole scene on every pulse, which would cost
 * an idle window (and a training run) CPU all the time.
 */
public final class Autosave {

    /** Created when first needed: starting the logging library costs time before the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(Autosave.class);
    }

    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "deepcanvas-autosave");
        t.setDaemon(true);
        return t;
    });

    private final DesignerModel model;
    private final RecoveryStore store;
    private final long everyMillis;
    private ScheduledFuture<?> ticking;
    private long writtenRevision = -1;

    public Autosave(DesignerModel model, RecoveryStore store, Duration every) {
        this.model = model;
        this.store = store;
        this.everyMillis = Math.max(1, (long) every.toMillis());
    }

    public void start() {
        if (ticking == null) {
            ticking = CLOCK.scheduleWithFixedDelay(() -> Platform.runLater(this::scheduledTick), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
        }
    }

    public void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    private void scheduledTick() {
        if (ticking != null) { // not stopped while this tick waited for the JavaFX thread
            tick();
        }
    }

    /** One autosave: write the copy if there are unsaved changes not yet in it. */
    public void tick() {
        if (!model.isDirty()) {
            if (writtenRevision != -1 || store.hasCopy()) {
                store.clear();
                writtenRevision = -1;
            }
            return;
        }
        long revision = model.document().revision();
        if (revision == writtenRevision) {
            return;
        }
        try {
            store.write(model.document(), model.file());
            writtenRevision = revision;
        } catch (IOException | RuntimeException e) {
            log().warn("Autosave to {} failed", store.folder(), e);
        }
    }

    /** The window closed normally: no copy is needed. */
    public void closed() {
        stop();
        store.clear();
        writtenRevision = -1;
    }
}
