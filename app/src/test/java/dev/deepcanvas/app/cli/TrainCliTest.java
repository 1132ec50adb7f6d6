package dev.deepcanvas.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train → evaluate → predict through the command line, on a copy of the iris sample. */
class TrainCliTest {

    @TempDir
    Path dir;

    Path project;

    @BeforeEach
    void copySample() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("../samples/iris/data/iris.csv"), dir.resolve("data/iris.csv"));
        project = dir.resolve("iris.deepcanvas");
        Files.copy(Path.of("../samples/iris/iris.deepcanvas"), project);
    }

    @Test
    void train_prints_progress_and_test_metrics_and_saves_a_model_beside_the_project() {
        CliTest.Result r = CliTest.run("train", project.toString(), "--epochs", "3", "--seed", "7");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Data: 150 examples read; split 90 train / 30 validation / 30 test; 3 classes of 'species': setosa, versicolor, virginica."), lines.get(0));
        assertEquals("  class balance (train / validation / test): setosa 30/10/10; versicolor 30/10/10; virginica 30/10/10", lines.get(1));
        assertTrue(lines.get(2).matches("Training on CPU.*, [0-9]+ threads?(\\.|; this network trains on 1 \\(small networks train faster on one\\)\\.)"), lines.get(2));
        // the calibration is measured once per DeepCanvas folder (the tests' own), then remembered
        List<String> estimate = lines.stream().filter(l -> l.startsWith("  Estimated ")).toList();
        assertEquals(1, estimate.size(), r.out());
        assertTrue(estimate.get(0).matches("  Estimated (about [0-9:]+( s)?|under 1 s) per epoch \\(90 training examples, batch 16\\)\\."), estimate.get(0));
        int first = lines.indexOf(estimate.get(0)) + 1;
        assertTrue(lines.get(first).matches("epoch 1/3  loss [0-9.]+  acc [0-9.]+  \\|  val_loss [0-9.]+  val_acc [0-9.]+  \\|  .*"), lines.get(first));
        assertTrue(r.out().contains("Finished after 3 epoch(s)"), r.out());
        assertTrue(r.out().contains("Test accuracy: "), r.out());
        assertTrue(r.out().contains("Confusion matrix (rows: actual, columns: predicted)"), r.out());
        assertTrue(Files.exists(dir.resolve("iris.dcmodel")));
    }

    @Test
    void evaluate_and_predict_use_the_saved_model_on_raw_files() throws Exception {
        Path model = dir.resolve("m.dcmodel");
        assertEquals(0, CliTest.run("train", project.toString(), "--epochs", "30", "--out", model.toString()).code());

        CliTest.Result evaluate = CliTest.run("evaluate", "--json", model.toString(), dir.resolve("data/iris.csv").toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        JsonNode json = new ObjectMapper().readTree(evaluate.out());
        assertEquals(150, json.get("total").asInt());
        assertTrue(json.get("accuracy").asDouble() > 0.8, evaluate.out());

        Path rows = dir.resolve("new.csv");
        Files.writeString(rows, "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n");
        Path predictions = dir.resolve("predictions.csv");
        CliTest.Result predict = CliTest.run("predict", model.toString(), rows.toString(), "-o", predictions.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> lines = Files.readAllLines(predictions);
        assertEquals("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,predicted_species,p_setosa,p_versicolor,p_virginica", lines.get(0));
        assertTrue(lines.get(1).startsWith("5.1,3.5,1.4,0.2,setosa,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("6.7,3.0,5.2,2.3,virginica,"), lines.get(2));
        String[] cells = lines.get(1).split(",");
        double sum = Double.parseDouble(cells[5]) + Double.parseDouble(cells[6]) + Double.parseDouble(cells[7]);
        assertEquals(1.0, sum, 1e-5);
    }

    @Test
    void data_that_does_not_fit_the_network_exits_2_with_the_fix() throws Exception {
        Files.writeString(project, Files.readString(project).replace("\"units\" : 3,", "\"units\" : 10,"));
        CliTest.Result r = CliTest.run("train", project.toString());
        assertEquals(2, r.code());
        assertEquals("error: output_1: Output has 10 units but the data has 3 classes (setosa, versicolor, virginica). Fix: Set units to 3.\n", r.err());
    }

    @Test
    void a_malformed_csv_names_the_line_and_column() throws Exception {
        Files.writeString(dir.resolve("data/iris.csv"), "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species\n"
                + "5.1,3.5,1.4,0.2,setosa\n".repeat(30) + "4.9,three,1.4,0.2,setosa\n" + "6.1,2.9,4.7,1.4,versicolor\n".repeat(30));
        CliTest.Result r = CliTest.run("train", project.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: network: iris.csv, line 32, column 'sepal_width_cm', value 'three': "), r.err());
    }

    @Test
    void a_nan_loss_exits_4_with_advice() throws Exception {
        // Plain SGD with an absurd step diverges (Adam would normalise the steps away).
        Files.writeString(project, Files.readString(project).replace("\"learningRate\" : 0.01", "\"learningRate\" : 1.0E9")
                .replace("\"optimizer\" : \"adam\"", "\"optimizer\" : \"sgd\""));
        CliTest.Result r = CliTest.run("train", project.toString(), "--epochs", "5");
        assertEquals(4, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("deepcanvas: The loss became "), r.err());
        assertTrue(r.err().contains("Try: The learning rate (1.0E9) is probably too high"), r.err());
    }

    @Test
    void train_with_other_data_rebinds_relative_to_the_project() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(dir.resolve("data/iris.csv"), other.resolve("flowers.csv"));
        CliTest.Result r = CliTest.run("train", project.toString(), "--epochs", "1", "--data", other.resolve("flowers.csv").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Data: 150 examples read"), r.out());
    }

    @Test
    void an_image_model_predicts_a_file_and_a_folder_and_evaluates_class_folders() throws Exception {
        Path images = Path.of("../samples/digits/data/images").toAbsolutePath();
        Path digits = dir.resolve("digits.deepcanvas");
        Files.copy(Path.of("../samples/digits/digits.deepcanvas"), digits);
        Files.writeString(digits, Files.readString(digits).replace("\"path\" : \"data/images\"", "\"path\" : \"" + images + "\""));
        Path model = dir.resolve("digits.dcmodel");
        CliTest.Result train = CliTest.run("train", digits.toString(), "--epochs", "2", "--out", model.toString());
        assertEquals(0, train.code(), train.err());

        CliTest.Result one = CliTest.run("predict", model.toString(), images.resolve("7/0007.png").toString());
        assertEquals(0, one.code(), one.err());
        List<String> lines = one.out().lines().toList();
        assertEquals("file,predicted_class,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", lines.get(0));
        assertTrue(lines.get(1).startsWith("0007.png,"), lines.get(1));

        CliTest.Result folder = CliTest.run("predict", model.toString(), images.toString());
        assertEquals(1 + 1797, folder.out().lines().count(), "a header and one line per image");
        assertTrue(folder.out().contains("\n7/0007.png,"), "folder predictions name the file relative to the folder");

        CliTest.Result evaluate = CliTest.run("evaluate", "--json", model.toString(), images.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertEquals(1797, new ObjectMapper().readTree(evaluate.out()).get("total").asInt());
    }

    @Test
    void bad_options_and_unwritable_outputs_are_one_line_each() throws Exception {
        CliTest.Result zero = CliTest.run("train", project.toString(), "--epochs", "0");
        assertEquals(3, zero.code());
        assertTrue(zero.err().startsWith("deepcanvas: --epochs must be at least 1, not 0"), zero.err());

        CliTest.Result unwritable = CliTest.run("train", project.toString(), "--epochs", "1", "--out", dir.resolve("no/such/folder/m.dcmodel").toString());
        assertEquals(1, unwritable.code(), unwritable.err());
        assertEquals(1, unwritable.err().lines().count(), unwritable.err());
        assertTrue(unwritable.err().startsWith("deepcanvas: cannot read or write: "), unwritable.err());
    }

    @Test
    void evaluate_needs_the_answers_and_predict_needs_rows() throws Exception {
        Path model = dir.resolve("m.dcmodel");
        assertEquals(0, CliTest.run("train", project.toString(), "--epochs", "2", "--out", model.toString()).code());
        Path unlabelled = dir.resolve("unlabelled.csv");
        Files.writeString(unlabelled, "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n5.1,3.5,1.4,0.2\n");
        CliTest.Result evaluate = CliTest.run("evaluate", model.toString(), unlabelled.toString());
        assertEquals(2, evaluate.code());
        assertEquals("deepcanvas: the data has no column 'species' with the true answers, so it cannot be scored; use 'deepcanvas predict' for unlabelled data\n",
                evaluate.err());
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm\n");
        CliTest.Result predict = CliTest.run("predict", model.toString(), empty.toString());
        assertEquals(2, predict.code());
        assertTrue(predict.err().endsWith("empty.csv: there are no rows to use\n"), predict.err());
    }

    @Test
    void a_file_that_is_not_a_model_is_refused() throws Exception {
        Path fake = dir.resolve("fake.dcmodel");
        Files.writeString(fake, "hello");
        CliTest.Result r = CliTest.run("predict", fake.toString(), dir.resolve("data/iris.csv").toString());
        assertEquals(2, r.code());
        assertEquals("deepcanvas: fake.dcmodel is not a DeepCanvas model file (not a zip archive).\n", r.err());
    }
}
