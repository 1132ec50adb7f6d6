package dev.deepcanvas.runtime.train;

import java.time.Duration;

/**
 * What the trainer tells its listeners: small immutable values (no copies of weights or data; only
 * the watched layer's histograms), so that publishing them costs nothing measurable. Listeners
 * are called on the trainer's thread; one that throws is logged and skipped.
 */
public sealed interface TrainingEvent {

    /** One batch was fitted. {@code batch} counts from 1 within the epoch. */
    record BatchEnded(int epoch, int batch, int batches, double loss, double samplesPerSecond) implements TrainingEvent {}

    /**
     * One epoch ended; {@code epoch} counts from 1.
     *
     * @param train metrics on (up to {@link Trainer#TRAIN_METRIC_SAMPLE} examples of) the training split
     * @param validation metrics on the validation split (null when it is empty)
     * @param improved true when the validation loss is the best so far
     */
    record EpochEnded(int epoch, int epochs, EpochMetrics train, EpochMetrics validation, Duration elapsed, Duration remaining,
            boolean improved, double learningRate) implements TrainingEvent {}

    /** Per-layer health from a sampled batch (only when a {@link LayerProbe} is attached). */
    record LayerActivity(int epoch, int batch, java.util.Map<String, LayerHealth> layers) implements TrainingEvent {}

    /** Training is over and the model is usable. */
    record Finished(Outcome outcome, int epochsRun, int bestEpoch, Duration elapsed) implements TrainingEvent {}

    /** Training broke off; the message says what happened and the hint what to try. */
    record Failed(String message, String hint, int epoch, int batch) implements TrainingEvent {}

    /** Why a run ended normally. */
    enum Outcome {
        /** All epochs ran. */
        COMPLETED,
        /** The user stopped it; the model is the one after the last finished batch. */
        STOPPED,
        /** The validation loss (the training loss without a validation split) stopped improving for {@code patience} epochs. */
        EARLY_STOPPED
    }
}
