package dev.deepcanvas.runtime.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.project.TrainingRun;
import dev.deepcanvas.runtime.shape.ShapeInference;
import dev.deepcanvas.runtime.summary.DesignCost;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** ND4J's three thread pools follow the size of the design, set from inside the JVM. */
class ComputeThreadsTest {

    static final Path SAMPLES = Path.of("../samples");

    @AfterEach
    void restore() {
        ComputeThreads.set(ComputeThreads.limit());
    }

    @Test
    void a_small_design_gets_one_thread_in_every_pool_and_a_large_one_gets_all() {
        ComputeThreads.set(1);
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(1, Nd4j.factory().blas().getMaxThreads(), "OpenBLAS");
        assertEquals(1, ComputeThreads.current());
        ComputeThreads.set(ComputeThreads.limit());
        assertEquals(ComputeThreads.limit(), Nd4j.factory().blas().getMaxThreads());
        assertEquals(ComputeThreads.limit(), ComputeThreads.current());

        assertEquals(1, ComputeThreads.forWork(ComputeThreads.PARALLEL_FROM * 0.99));
        assertEquals(ComputeThreads.limit(), ComputeThreads.forWork(ComputeThreads.PARALLEL_FROM));
    }

    @Test
    void the_measured_designs_fall_on_the_sides_of_the_threshold_they_were_measured_on() throws Exception {
        // decision 0017: the MNIST MLP at batch 256 was faster on one thread, the Keras convnet at 64 on two
        var b = new DocumentBuilder("MLP 784-256-128-10");
        b.add("ImageInput", "height", 28, "width", 28, "channels", 1);
        b.then("Flatten");
        b.then("Dense", "units", 256, "activation", "relu");
        b.then("Dense", "units", 128, "activation", "relu");
        b.then("Output", "units", 10);
        NetworkDocument mlpDoc = b.build();
        double mlp = DesignCost.of(mlpDoc, ShapeInference.analyse(mlpDoc)).trainingFlopsPerBatch(256, 1);
        NetworkDocument convnetDoc = new DocumentFiles().load(SAMPLES.resolve("templates/keras-mnist-convnet.deepcanvas"));
        double convnet = DesignCost.of(convnetDoc, ShapeInference.analyse(convnetDoc)).trainingFlopsPerBatch(64, 1);
        assertTrue(mlp < ComputeThreads.PARALLEL_FROM, mlp + " FLOPs");
        assertTrue(convnet >= ComputeThreads.PARALLEL_FROM, convnet + " FLOPs");
    }

    @Test
    void a_training_run_trains_with_its_threads_even_when_other_work_changed_them_in_between() throws Exception {
        Path file = SAMPLES.resolve("iris/iris.deepcanvas");
        NetworkDocument doc = new DocumentFiles().load(file);
        doc.setTraining(doc.training().toBuilder().epochs(1).build());
        TrainingRun run = TrainingRun.prepare(doc, file);
        assertEquals(1, run.threads(), "iris is tiny");
        ComputeThreads.set(ComputeThreads.limit()); // e.g. a calibration or another project's estimate
        int[] during = new int[1];
        run.trainer().addListener(e -> {
            if (e instanceof TrainingEvent.BatchEnded) {
                during[0] = Nd4j.factory().blas().getMaxThreads();
            }
        });
        run.trainer().run();
        assertEquals(1, during[0]);
    }

    @Test
    void the_users_cap_is_read_from_the_property_and_nonsense_is_ignored() {
        String before = System.getProperty(ComputeThreads.PROPERTY);
        try {
            System.setProperty(ComputeThreads.PROPERTY, "3");
            assertEquals(Optional.of(3), ComputeThreads.userCap());
            System.setProperty(ComputeThreads.PROPERTY, "zero");
            assertEquals(Optional.empty(), ComputeThreads.userCap());
            System.setProperty(ComputeThreads.PROPERTY, "0");
            assertEquals(Optional.empty(), ComputeThreads.userCap());
        } finally {
            if (before == null) {
                System.clearProperty(ComputeThreads.PROPERTY);
            } else {
                System.setProperty(ComputeThreads.PROPERTY, before);
            }
        }
    }
}
