package dev.deepcanvas.designer.files;

import dev.deepcanvas.designer.model.DesignerModel;
import java.io.IOException;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every so often (30 s by default) writes the unsaved document to the recovery store; removes the
 * copy once nothing is unsaved. Runs on the JavaFX thread, where the document lives.
 */
public final class Autosave {

    /** Created when first needed: starting the logging library costs time before the first frame. */
    private static Logger log() {
        return LoggerFactory.getLogger(Autosave.class);
    }

    private final DesignerModel model;
    private final RecoveryStore store;
    private final Timeline timer;
    private long writtenRevision = -1;

    public Autosave(DesignerModel model, RecoveryStore store, Duration every) {
        this.model = model;
        this.store = store;
        this.timer = new Timeline(new KeyFrame(every, e -> tick()));
        timer.setCycleCount(Animation.INDEFINITE);
    }

    public void start() {
        timer.play();
    }

    public void stop() {
        timer.stop();
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
