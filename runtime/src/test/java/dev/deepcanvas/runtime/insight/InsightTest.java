package dev.deepcanvas.runtime.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.data.toy.ToyDataset;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.project.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightTest {

    @TempDir
    Path dir;

    @Test
    void toy_sets_are_balanced_seeded_and_written_as_csv() throws Exception {
        for (ToyDataset toy : ToyDataset.values()) {
            double[][] rows = toy.generate(200, 0.1, 5);
            assertEquals(200, rows.length);
            long b = java.util.Arrays.stream(rows).filter(r -> r[2] == 1).count();
            assertTrue(b > 60 && b < 140, toy + " has " + b + " of class b");
            assertEquals(rows[17][0], toy.generate(200, 0.1, 5)[17][0], toy + " is seeded");
        }
        Path csv = dir.resolve(ToyDataset.MOONS.fileName());
        ToyDataset.MOONS.write(csv, 10, 0.1, 1);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x1,x2,label", lines.get(0));
        assertEquals(11, lines.size());
    }

    @Test
    void a_trained_model_draws_decision_regions_that_agree_with_the_moons() throws Exception {
        ToyDataset.MOONS.write(dir.resolve("moons.csv"), 400, 0.1, 2);
        var b = new DocumentBuilder("moons");
        b.add("VectorInput", "features", 2);
        b.then("Dense", "units", 16, "activation", "tanh");
        b.then("Dense", "units", 16, "activation", "tanh");
        b.then("Output", "units", 2);
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("moons.csv"));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.03).epochs(60).batchSize(32).build());
        Path project = dir.resolve("moons.deepcanvas");
        new DocumentFiles().save(doc, project);
        TrainingRun run = TrainingRun.prepare(doc, project);
        TrainingHistory history = new TrainingHistory();
        run.trainer().addListener(history);
        run.trainer().run();
        assertTrue(((ClassificationReport) run.evaluate()).accuracy() > 0.95);

        TabularEncoding encoding = (TabularEncoding) run.data().encoding();
        assertTrue(DecisionBoundary.applies(encoding));
        DecisionBoundary.Grid grid = run.decisionBoundary(-1.5, 2.5, -1, 1.5, 80, 50).orElseThrow();
        // Where the moons are, the map must agree with the generating shape.
        int agree = 0;
        double[][] points = ToyDataset.MOONS.generate(400, 0.0, 9);
        for (double[] p : points) {
            int column = (int) ((p[0] + 1.5) / 4.0 * 80);
            int row = (int) ((p[1] + 1) / 2.5 * 50);
            agree += grid.classAt(column, row) == (int) p[2] ? 1 : 0;
        }
        assertTrue(agree >= 380, agree + " of 400 noiseless moon points lie in their class's region");

        var predictions = run.testPredictions();
        assertEquals(run.data().test().size(), predictions.size());
        assertTrue(predictions.stream().filter(p -> p.correct()).count() > 0.95 * predictions.size());
        assertTrue(predictions.stream().allMatch(p -> p.confidence() >= 0.5 && p.confidence() <= 1));

        String csv = history.toCsv();
        assertEquals(61, csv.lines().count(), "header and one row per epoch");
        assertTrue(csv.startsWith("epoch,seconds,learning_rate,loss,accuracy,mae,rmse,r2,val_loss,val_accuracy,val_mae,val_rmse,val_r2\n1,"), csv);
    }
}
