package dev.deepcanvas.runtime.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.bundle.ModelBundle;
import dev.deepcanvas.runtime.bundle.Prediction;
import dev.deepcanvas.runtime.data.table.CsvRows;
import dev.deepcanvas.runtime.data.table.TabularEncoding;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DocumentBuilder;
import dev.deepcanvas.runtime.document.DocumentFiles;
import dev.deepcanvas.runtime.document.NetworkDocument;
import dev.deepcanvas.runtime.document.Optimizer;
import dev.deepcanvas.runtime.document.TrainingSetup;
import dev.deepcanvas.runtime.evaluate.ClassificationReport;
import dev.deepcanvas.runtime.evaluate.RegressionReport;
import dev.deepcanvas.runtime.shape.Diagnostic;
import dev.deepcanvas.runtime.train.SplitScorer;
import dev.deepcanvas.runtime.train.TrainingEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project file alone reproduces a run: data bound by a relative path, checked, trained, saved. */
class TrainingRunTest {

    @TempDir
    Path dir;

    Path project(NetworkDocument doc, String dataFile) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("src/test/resources/data/" + dataFile), dir.resolve("data/" + dataFile));
        Path file = dir.resolve("net.deepcanvas");
        new DocumentFiles().save(doc, file);
        return file;
    }

    static NetworkDocument iris(int units) {
        var b = new DocumentBuilder("iris");
        b.add("VectorInput", "features", 4);
        b.then("Dense", "units", 12, "activation", "relu");
        b.then("Output", "units", units);
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/iris.csv"));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.02).epochs(40).batchSize(16).build());
        return doc;
    }

    @Test
    void a_project_trains_on_its_bound_csv_and_its_bundle_predicts_raw_rows_identically() throws Exception {
        Path file = project(iris(3), "iris.csv");
        TrainingRun run = TrainingRun.prepare(new DocumentFiles().load(file), file);
        assertInstanceOf(TrainingEvent.Finished.class, run.trainer().run());
        ClassificationReport report = (ClassificationReport) run.evaluate();
        assertEquals(run.data().test().size(), report.total());
        assertTrue(report.accuracy() >= 0.85, "accuracy " + report.accuracy());

        Path saved = dir.resolve("iris.dcmodel");
        run.bundle(report).save(saved);
        ModelBundle loaded = ModelBundle.load(saved);
        assertEquals(List.of("setosa", "versicolor", "virginica"), loaded.target().classNames());
        assertEquals(report.accuracy(), loaded.metrics().get("accuracy").asDouble());

        // Every raw row of the file, through the saved encoding and model, against the live model.
        List<Map<String, String>> rows = new ArrayList<>();
        CsvRows.forEach(dir.resolve("data/iris.csv"), (line, values) -> rows.add(values));
        TabularEncoding encoding = (TabularEncoding) loaded.encoding();
        float[] live = SplitScorer.outputs(run.graph(), run.data().test(), run.data().test().size());
        for (int i = 0; i < run.data().test().size(); i++) {
            Map<String, String> raw = rows.get(run.data().test().origins()[i] - 2);
            Prediction p = loaded.predict(encoding.encode(raw));
            for (int c = 0; c < 3; c++) {
                assertEquals(live[i * 3 + c], p.probabilities()[c], 1e-6, "test row " + i + " class " + c);
            }
        }
    }

    @Test
    void the_same_project_and_seed_give_the_same_result() throws Exception {
        Path file = project(iris(3), "iris.csv");
        TrainingRun first = TrainingRun.prepare(new DocumentFiles().load(file), file);
        first.trainer().run();
        TrainingRun second = TrainingRun.prepare(new DocumentFiles().load(file), file);
        second.trainer().run();
        assertEquals(first.graph().params(), second.graph().params());
    }

    @Test
    void data_that_does_not_fit_the_network_is_refused_with_a_one_click_fix() throws Exception {
        Path file = project(iris(10), "iris.csv");
        var e = assertThrows(ProjectException.class, () -> TrainingRun.prepare(new DocumentFiles().load(file), file));
        Diagnostic d = e.problems().get(0);
        assertEquals("output_1", d.nodeId());
        assertEquals("Output has 10 units but the data has 3 classes (setosa, versicolor, virginica).", d.message());
        assertEquals("Set units to 3.", d.hint());
        assertEquals(Map.of("units", 3L), d.fix());
    }

    @Test
    void a_wrong_feature_count_names_both_counts() throws Exception {
        NetworkDocument doc = iris(3);
        doc.replace(doc.node("vector_input_1").orElseThrow().withParam("features", 20L));
        Path file = project(doc, "iris.csv");
        var e = assertThrows(ProjectException.class, () -> TrainingRun.prepare(new DocumentFiles().load(file), file));
        assertEquals("Input expects 20 features, the CSV has 4.", e.problems().get(0).message());
        assertEquals(Map.of("features", 4L), e.problems().get(0).fix());
    }

    @Test
    void sigmoid_units_with_cross_entropy_are_refused_with_the_right_loss_as_fix() throws Exception {
        var b = new DocumentBuilder("cancer");
        b.add("VectorInput", "features", 30);
        b.then("Output", "units", 1, "activation", "sigmoid", "loss", "cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/breast_cancer_named.csv"));
        Path file = project(doc, "breast_cancer_named.csv");
        var e = assertThrows(ProjectException.class, () -> TrainingRun.prepare(new DocumentFiles().load(file), file));
        assertEquals("Sigmoid units answer yes/no each, but the loss is cross_entropy.", e.problems().get(0).message());
        assertEquals(Map.of("loss", "binary_cross_entropy"), e.problems().get(0).fix());
    }

    @Test
    void a_yes_no_head_trains_on_two_classes_with_one_sigmoid_unit() throws Exception {
        var b = new DocumentBuilder("cancer");
        b.add("VectorInput", "features", 30);
        b.then("Dense", "units", 8);
        b.then("Output", "units", 1, "activation", "sigmoid", "loss", "binary_cross_entropy");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/breast_cancer_named.csv"));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.01).epochs(15).build());
        Path file = project(doc, "breast_cancer_named.csv");
        TrainingRun run = TrainingRun.prepare(new DocumentFiles().load(file), file);
        run.trainer().run();
        ClassificationReport report = (ClassificationReport) run.evaluate();
        assertEquals(List.of("benign", "malignant"), report.classes());
        assertTrue(report.accuracy() >= 0.9, "accuracy " + report.accuracy());
        Path saved = dir.resolve("cancer.dcmodel");
        run.bundle(report).save(saved);
        Prediction p = ModelBundle.load(saved).predict(new float[30]);
        assertEquals(1.0, p.probabilities()[0] + p.probabilities()[1], 1e-6);
    }

    @Test
    void regression_reports_errors_in_the_targets_units() throws Exception {
        var b = new DocumentBuilder("diabetes");
        b.add("VectorInput", "features", 10);
        b.then("Output", "units", 1, "activation", "identity", "loss", "mse");
        NetworkDocument doc = b.build();
        doc.setData(DataBinding.csv("data/diabetes.csv"));
        doc.setTraining(TrainingSetup.defaults().toBuilder().optimizer(Optimizer.ADAM, 0.02).epochs(30).build());
        Path file = project(doc, "diabetes.csv");
        TrainingRun run = TrainingRun.prepare(new DocumentFiles().load(file), file);
        run.trainer().run();
        RegressionReport report = (RegressionReport) run.evaluate();
        assertTrue(report.mae() > 20 && report.mae() < 80, "MAE in progression units (25..346): " + report.mae());
        assertTrue(report.r2() > 0.3, "R² " + report.r2());
    }

    @Test
    void a_project_without_data_says_how_to_add_it() throws Exception {
        NetworkDocument doc = iris(3);
        doc.setData(null);
        Path file = dir.resolve("net.deepcanvas");
        new DocumentFiles().save(doc, file);
        var e = assertThrows(ProjectException.class, () -> TrainingRun.prepare(doc, file));
        assertEquals("The project has no data.", e.problems().get(0).message());
    }

    @Test
    void missing_data_names_where_it_was_looked_for() throws Exception {
        NetworkDocument doc = iris(3);
        Path file = dir.resolve("net.deepcanvas");
        new DocumentFiles().save(doc, file);
        var e = assertThrows(ProjectException.class, () -> TrainingRun.prepare(doc, file));
        assertTrue(e.problems().get(0).message().startsWith("The data data/iris.csv does not exist (looked for "), e.getMessage());
    }
}
