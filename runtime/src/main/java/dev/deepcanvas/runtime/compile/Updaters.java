package dev.deepcanvas.runtime.compile;

import dev.deepcanvas.runtime.document.TrainingSetup;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;

/** The DL4J updater for a document's optimiser settings, and the one source of its learning-rate schedule. */
public final class Updaters {

    private Updaters() {}

    static IUpdater of(TrainingSetup t) {
        double lr = t.learningRate();
        IUpdater updater = switch (t.optimizer()) {
            case SGD -> new Sgd(lr);
            case NESTEROV -> new Nesterovs(lr, t.momentum());
            case ADAM -> new Adam(lr, t.beta1(), t.beta2(), t.epsilon());
            case RMSPROP -> new RmsProp(lr, t.momentum(), t.epsilon());
            case ADAGRAD -> new AdaGrad(lr, t.epsilon());
        };
        ISchedule schedule = schedule(t);
        if (schedule != null) {
            updater.setLrAndSchedule(Double.NaN, schedule);
        }
        return updater;
    }

    /**
     * The learning rate DL4J applies during {@code epoch} (1-based): the schedule's value at DL4J's
     * 0-based epoch counter, which the trainer advances after each epoch.
     */
    public static double learningRate(TrainingSetup t, int epoch) {
        ISchedule schedule = schedule(t);
        return schedule == null ? t.learningRate() : schedule.valueAt(0, epoch - 1);
    }

    /** The learning-rate schedule by epoch; the trainer advances DL4J's epoch counter. */
    static ISchedule schedule(TrainingSetup t) {
        return switch (t.decay()) {
            case NONE -> null;
            case STEP -> new StepSchedule(ScheduleType.EPOCH, t.learningRate(), t.decayRate(), t.decayEvery());
            case EXPONENTIAL -> new ExponentialSchedule(ScheduleType.EPOCH, t.learningRate(), t.decayRate());
        };
    }
}
