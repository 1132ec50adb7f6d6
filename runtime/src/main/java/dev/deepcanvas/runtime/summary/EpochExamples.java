package dev.deepcanvas.runtime.summary;

import dev.deepcanvas.runtime.data.PreparedData;

/**
 * What one epoch goes through, for its time estimate: the project's own training and validation
 * examples once its data is prepared, otherwise a nominal 1,000 training examples.
 *
 * @param timeSteps the sequences' length, for designs whose counts are per time step
 * @param fromData true when the counts are the project's, false for the nominal 1,000
 */
public record EpochExamples(long train, long validation, int timeSteps, boolean fromData) {

    public static final long NOMINAL = 1_000;

    public static EpochExamples nominal() {
        return new EpochExamples(NOMINAL, 0, 1, false);
    }

    public static EpochExamples of(PreparedData data) {
        return new EpochExamples(data.train().size(), data.validation().size(), data.train().timeSteps(), true);
    }
}
