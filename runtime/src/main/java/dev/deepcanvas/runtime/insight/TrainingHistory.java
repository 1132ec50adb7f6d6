package dev.deepcanvas.runtime.insight;

import dev.deepcanvas.runtime.train.EpochMetrics;
import dev.deepcanvas.runtime.train.TrainingEvent;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The per-epoch metrics of one run, kept as they arrive, exportable as CSV. */
public final class TrainingHistory implements Consumer<TrainingEvent> {

    private final List<EpochEnded> epochs = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(TrainingEvent event) {
        if (event instanceof EpochEnded e) {
            epochs.add(e);
        }
    }

    public List<EpochEnded> epochs() {
        synchronized (epochs) {
            return List.copyOf(epochs);
        }
    }

    /** One row per epoch: epoch, seconds, learning rate, then loss and metrics for training and validation. */
    public String toCsv() {
        StringBuilder s = new StringBuilder("epoch,seconds,learning_rate,"
                + "loss,accuracy,mae,rmse,r2,val_loss,val_accuracy,val_mae,val_rmse,val_r2\n");
        for (EpochEnded e : epochs()) {
            s.append(e.epoch()).append(',')
                    .append(number(e.elapsed().toMillis() / 1000.0)).append(',')
                    .append(number(e.learningRate())).append(',');
            metrics(s, e.train());
            s.append(',');
            metrics(s, e.validation());
            s.append('\n');
        }
        return s.toString();
    }

    private static void metrics(StringBuilder s, EpochMetrics m) {
        if (m == null) {
            s.append(",,,,");
            return;
        }
        s.append(number(m.loss())).append(',').append(number(m.accuracy())).append(',')
                .append(number(m.mae())).append(',').append(number(m.rmse())).append(',').append(number(m.r2()));
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
