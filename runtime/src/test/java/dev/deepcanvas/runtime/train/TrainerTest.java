package dev.deepcanvas.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.compile.NetworkCompiler;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.train.TrainingEvent.BatchEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.EpochEnded;
import dev.deepcanvas.runtime.train.TrainingEvent.Failed;
import dev.deepcanvas.runtime.train.TrainingEvent.Finished;
import dev.deepcanvas.runtime.train.TrainingEvent.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.IUpdater;

class TrainerTest {

    static NetworkDocument classifier(TrainingSetup setup) {
        var b = new DocumentBuilder("blobs");
        b.add("VectorInput", "features", 2);
        b.then("Dense", "units", 8, "activation", "tanh");
        b.then("Dropout", "rate", 0.2);
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        doc.setTraining(setup);
        return doc;
    }

    static TrainingSetup setup(int epochs, int batch) {
        return TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.05).epochs(epochs).batchSize(batch).seed(7).build();
    }

    static Trainer trainer(NetworkDocument doc, PreparedData data) throws Exception {
        return new Trainer(new NetworkCompiler().compile(doc), data, doc.training(), null);
    }

    static List<TrainingEvent> record(Trainer t) {
        List<TrainingEvent> events = new ArrayList<>();
        t.addListener(events::add);
        return events;
    }

    @Test
    void training_learns_two_blobs_and_reports_every_batch_and_epoch() throws Exception {
        PreparedData data = SyntheticData.blobs(200, 0.5, 1);
        Trainer t = trainer(classifier(setup(5, 20)), data);
        List<TrainingEvent> events = record(t);
        TrainingEvent end = t.run();
        assertTrue(end instanceof Finished, end::toString);
        Finished finished = (Finished) end;
        assertEquals(Outcome.COMPLETED, finished.outcome());
        assertEquals(5, finished.epochsRun());
        List<EpochEnded> epochs = events.stream().filter(EpochEnded.class::isInstance).map(EpochEnded.class::cast).toList();
        assertEquals(5, epochs.size());
        assertEquals(5 * 7, events.stream().filter(BatchEnded.class::isInstance).count(), "140 training rows in batches of 20");
        EpochEnded last = epochs.get(4);
        assertTrue(last.validation().accuracy() >= 0.9, "validation accuracy " + last.validation().accuracy());
        assertTrue(last.train().loss() < epochs.get(0).train().loss(), "loss falls");
        assertEquals(end, events.get(events.size() - 1), "the final event is published too");
    }

    @Test
    void the_same_seed_gives_the_same_loss_curve() throws Exception {
        PreparedData data = SyntheticData.blobs(200, 0.8, 2);
        List<Double> first = batchLosses(trainer(classifier(setup(3, 16)), data));
        List<Double> second = batchLosses(trainer(classifier(setup(3, 16)), data));
        assertEquals(first, second);
        assertEquals(3 * 9, first.size());
    }

    @Test
    void pausing_and_resuming_keeps_the_optimiser_state() throws Exception {
        PreparedData data = SyntheticData.blobs(200, 0.8, 3);
        List<Double> uninterrupted = batchLosses(trainer(classifier(setup(2, 16)), data));

        Trainer t = trainer(classifier(setup(2, 16)), data);
        List<Double> losses = new ArrayList<>();
        CountDownLatch paused = new CountDownLatch(1);
        t.addListener(e -> {
            if (e instanceof BatchEnded b) {
                losses.add(b.loss());
                if (b.epoch() == 1 && b.batch() == 3) {
                    t.pause();
                    paused.countDown();
                }
            }
        });
        t.start();
        assertTrue(paused.await(30, TimeUnit.SECONDS));
        Thread.sleep(300);
        assertEquals(3, losses.size(), "no batch runs while paused");
        assertTrue(t.isPaused());
        t.resume();
        assertInstanceOf(Finished.class, t.result().get(30, TimeUnit.SECONDS));
        assertEquals(uninterrupted, losses, "a pause changes nothing in the run");
    }

    @Test
    void stop_acts_within_one_batch_and_keeps_the_model() throws Exception {
        PreparedData data = SyntheticData.blobs(400, 0.8, 4);
        Trainer t = trainer(classifier(setup(50, 8)), data);
        List<Integer> batchesAfterStop = new ArrayList<>();
        boolean[] stopped = {false};
        t.addListener(e -> {
            if (e instanceof BatchEnded b) {
                if (stopped[0]) {
                    batchesAfterStop.add(b.batch());
                }
                if (b.epoch() == 2 && b.batch() == 5) {
                    stopped[0] = true;
                    t.stop();
                }
            }
        });
        t.start();
        Finished f = assertInstanceOf(Finished.class, t.result().get(60, TimeUnit.SECONDS));
        assertEquals(Outcome.STOPPED, f.outcome());
        assertEquals(List.of(), batchesAfterStop, "stop requested between batches: no further batch");
        assertEquals(1, f.epochsRun());
        assertEquals(2, t.graph().outputSingle(false, org.nd4j.linalg.factory.Nd4j.rand(3, 2)).columns(), "the model stays usable");
    }

    @Test
    void a_nan_loss_stops_training_with_an_explanation() throws Exception {
        PreparedData data = SyntheticData.line(100, 5);
        var b = new DocumentBuilder("line");
        b.add("VectorInput", "features", 1);
        b.then("Dense", "units", 16, "activation", "relu");
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.SGD, 1e6).epochs(20).batchSize(10).build());
        Failed failed = assertInstanceOf(Failed.class, trainer(doc, data).run());
        assertTrue(failed.message().startsWith("The loss became "), failed.message());
        assertTrue(failed.message().contains("in epoch " + failed.epoch() + ", batch " + failed.batch()), failed.message());
        assertTrue(failed.hint().startsWith("The learning rate (1000000.0) is probably too high: try 100000.0."), failed.hint());
    }

    @Test
    void regression_reports_mae_rmse_and_r2_in_target_units() throws Exception {
        PreparedData data = SyntheticData.line(300, 6);
        var b = new DocumentBuilder("line");
        b.add("VectorInput", "features", 1);
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.05).epochs(30).batchSize(16).build());
        Trainer t = trainer(doc, data);
        List<TrainingEvent> events = record(t);
        t.run();
        EpochEnded last = (EpochEnded) events.stream().filter(EpochEnded.class::isInstance).reduce((x, y) -> y).orElseThrow();
        assertTrue(last.validation().r2() > 0.95, "R² " + last.validation().r2());
        assertTrue(last.validation().mae() < 0.5, "MAE " + last.validation().mae() + " in units of y (noise 0.1)");
        assertTrue(Double.isNaN(last.validation().accuracy()));
    }

    @Test
    void early_stopping_ends_the_run_and_keeps_the_best_weights() throws Exception {
        // Overlapping blobs and a large learning rate: the validation loss soon stops improving.
        PreparedData data = SyntheticData.blobs(120, 3.0, 8);
        TrainingSetup s = setup(200, 8).toBuilder().optimizer(Optimizer.ADAM, 0.3).earlyStopping(3, true).build();
        Trainer t = trainer(classifier(s), data);
        List<TrainingEvent> events = record(t);
        Finished f = assertInstanceOf(Finished.class, t.run());
        assertEquals(Outcome.EARLY_STOPPED, f.outcome());
        assertEquals(f.bestEpoch() + 3, f.epochsRun());
        double best = events.stream().filter(EpochEnded.class::isInstance).map(EpochEnded.class::cast)
                .filter(e -> e.epoch() == f.bestEpoch()).findFirst().orElseThrow().validation().loss();
        double now = SplitScorer.score(t.graph(), data.validation(), data.validation().size(), data.target()).loss();
        assertEquals(best, now, 1e-6, "the kept model is the best epoch's");
    }

    @Test
    void the_learning_rate_decays_by_epoch() throws Exception {
        TrainingSetup s = setup(6, 32).toBuilder().decay(TrainingSetup.Decay.STEP, 0.5, 2).build();
        Trainer t = trainer(classifier(s), SyntheticData.blobs(100, 0.5, 9));
        List<TrainingEvent> events = record(t);
        t.run();
        List<Double> rates = events.stream().filter(EpochEnded.class::isInstance).map(e -> ((EpochEnded) e).learningRate()).toList();
        assertEquals(List.of(0.05, 0.05, 0.025, 0.025, 0.0125, 0.0125), rates);
        // and it is the rate DL4J's updater applies in that epoch (its epoch counter is 0-based)
        IUpdater dl4j = ((BaseLayer) t.graph().getLayer("output_1").conf().getLayer()).getIUpdater();
        for (int epoch = 1; epoch <= 6; epoch++) {
            assertEquals(dl4j.getLearningRate(0, epoch - 1), rates.get(epoch - 1), 1e-12, "epoch " + epoch);
        }
    }

    @Test
    void a_failing_listener_neither_ends_the_run_nor_leaves_it_hanging() throws Exception {
        Trainer t = trainer(classifier(setup(2, 20)), SyntheticData.blobs(100, 0.5, 10));
        t.addListener(e -> {
            throw new IllegalStateException("a broken view");
        });
        List<TrainingEvent> events = record(t);
        t.start();
        assertInstanceOf(Finished.class, t.result().get(30, TimeUnit.SECONDS));
        assertTrue(events.stream().anyMatch(EpochEnded.class::isInstance), "other listeners still hear every event");
    }

    @Test
    void a_trainer_runs_once() throws Exception {
        Trainer t = trainer(classifier(setup(1, 20)), SyntheticData.blobs(60, 0.5, 11));
        t.run();
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, t::start);
        assertEquals("this trainer has already run; prepare a new run", e.getMessage());
    }

    private static List<Double> batchLosses(Trainer t) {
        List<Double> losses = new ArrayList<>();
        t.addListener(e -> {
            if (e instanceof BatchEnded b) {
                losses.add(b.loss());
            }
        });
        t.run();
        return losses;
    }
}
