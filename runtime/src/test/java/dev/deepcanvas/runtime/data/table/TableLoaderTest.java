package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static dev.deepcanvas.runtime.data.table.TestFiles.data;
import static dev.deepcanvas.runtime.data.table.TestFiles.rawRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.Task;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.Normalization;
import dev.deepcanvas.runtime.document.DataBinding.TaskChoice;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableLoaderTest {

    @TempDir
    Path dir;

    private static PreparedData prepare(Path csv) throws Exception {
        return TableLoader.prepare(csv, DataBinding.csv(csv.getFileName().toString()), 42);
    }

    @Test
    void iris_predicts_species_from_four_measurements() throws Exception {
        PreparedData d = prepare(data("iris.csv"));
        assertEquals(Task.CLASSIFICATION, d.target().task());
        assertEquals("species", d.target().name());
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.target().classNames());
        TabularEncoding encoding = (TabularEncoding) d.encoding();
        assertEquals(List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"), encoding.featureColumns());
        assertArrayEquals(new long[] {4}, d.train().exampleShape());
        assertEquals(3, d.train().labelWidth());
        assertEquals(150, d.train().size() + d.validation().size() + d.test().size());
        assertEquals(150, d.report().rowsRead());
        assertEquals(0, d.report().rowsDropped());
        assertEquals(List.of(), d.report().warnings());
        assertEquals(List.of(), d.imageFiles());
    }

    @Test
    void iris_split_70_15_15_gives_every_split_all_three_classes_in_equal_counts() throws Exception {
        PreparedData d = prepare(data("iris.csv"));
        Map<String, Map<String, Integer>> counts = d.report().classCounts();
        assertEquals(Map.of("setosa", 35, "versicolor", 35, "virginica", 35), counts.get("train"));
        assertEquals(Map.of("setosa", 8, "versicolor", 8, "virginica", 8), counts.get("validation"));
        assertEquals(Map.of("setosa", 7, "versicolor", 7, "virginica", 7), counts.get("test"));
        int[] perClass = new int[3];
        for (int i = 0; i < d.test().size(); i++) {
            perClass[d.test().classOf(i)]++;
        }
        assertArrayEquals(new int[] {7, 7, 7}, perClass);
    }

    @Test
    void every_example_comes_from_its_line_with_the_right_one_hot_label() throws Exception {
        Path file = data("iris.csv");
        PreparedData d = prepare(file);
        Map<Integer, Map<String, String>> raw = rawRows(file);
        Set<Integer> lines = new HashSet<>();
        for (Examples split : List.of(d.train(), d.validation(), d.test())) {
            for (int i = 0; i < split.size(); i++) {
                int line = split.origins()[i];
                assertTrue(lines.add(line), "line " + line + " appears twice");
                String species = raw.get(line).get("species");
                assertEquals(species, d.target().classNames().get(split.classOf(i)));
                float sum = 0;
                for (int c = 0; c < 3; c++) {
                    sum += split.labels()[i * 3 + c];
                }
                assertEquals(1f, sum);
            }
        }
        assertEquals(150, lines.size());
        assertTrue(lines.contains(2) && lines.contains(151), "lines are 1-based, after the header");
    }

    @Test
    void the_same_seed_gives_the_same_split_and_another_seed_another() throws Exception {
        Path file = data("iris.csv");
        DataBinding binding = DataBinding.csv("iris.csv");
        PreparedData a = TableLoader.prepare(file, binding, 7);
        PreparedData b = TableLoader.prepare(file, binding, 7);
        PreparedData c = TableLoader.prepare(file, binding, 8);
        assertArrayEquals(a.train().origins(), b.train().origins());
        assertArrayEquals(a.test().origins(), b.test().origins());
        assertArrayEquals(a.train().features(), b.train().features());
        assertFalse(Arrays.equals(a.train().origins(), c.train().origins()));
    }

    @Test
    void numeric_class_codes_are_classes_named_in_numeric_order() throws Exception {
        PreparedData d = prepare(data("iris_numeric.csv"));
        assertEquals(Task.CLASSIFICATION, d.target().task());
        assertEquals("label", d.target().name());
        assertEquals(List.of("0", "1", "2"), d.target().classNames());
    }

    @Test
    void breast_cancer_predicts_the_diagnosis_from_thirty_measurements() throws Exception {
        PreparedData d = prepare(data("breast_cancer_named.csv"));
        assertEquals("diagnosis", d.target().name());
        assertEquals(List.of("benign", "malignant"), d.target().classNames());
        assertArrayEquals(new long[] {30}, d.train().exampleShape());
        Map<String, Map<String, Integer>> counts = d.report().classCounts();
        int benign = 0;
        int malignant = 0;
        for (Map<String, Integer> split : counts.values()) {
            benign += split.get("benign");
            malignant += split.get("malignant");
        }
        assertEquals(357, benign);
        assertEquals(212, malignant);
        assertEquals(Math.round(357 * 0.7) + Math.round(212 * 0.7), d.train().size());
    }

    @Test
    void diabetes_is_regression_on_the_target_standardised_with_training_statistics() throws Exception {
        Path file = data("diabetes.csv");
        PreparedData d = prepare(file);
        assertEquals(Task.REGRESSION, d.target().task());
        assertEquals("target", d.target().name());
        assertEquals(1, d.train().labelWidth());
        assertArrayEquals(new long[] {10}, d.train().exampleShape());
        Map<Integer, Map<String, String>> raw = rawRows(file);
        double[] y = Arrays.stream(d.train().origins()).mapToDouble(line -> Double.parseDouble(raw.get(line).get("target"))).toArray();
        double mean = Arrays.stream(y).average().orElseThrow();
        double std = Math.sqrt(Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum() / y.length);
        assertEquals(mean, d.target().mean(), 1e-9);
        assertEquals(std, d.target().std(), 1e-9);
        for (Examples split : List.of(d.train(), d.test())) {
            for (int i = 0; i < split.size(); i++) {
                double target = Double.parseDouble(raw.get(split.origins()[i]).get("target"));
                assertEquals((float) ((target - d.target().mean()) / d.target().std()), split.labels()[i]);
            }
        }
        assertEquals(Map.of(), d.report().classCounts());
    }

    @Test
    void without_a_label_like_name_the_last_column_is_the_label() throws Exception {
        String[] lines = new String[41];
        lines[0] = "a,b,kind";
        for (int i = 1; i <= 40; i++) {
            lines[i] = i + "," + (i * 7 % 13) + "," + (i % 2 == 0 ? "even" : "odd");
        }
        PreparedData d = prepare(csv(dir, "x.csv", lines));
        assertEquals("kind", d.target().name());
        assertEquals(List.of("a", "b"), ((TabularEncoding) d.encoding()).featureColumns());
    }

    @Test
    void a_chosen_label_and_ignored_columns_are_respected() throws Exception {
        Path file = data("iris.csv");
        DataBinding binding = DataBinding.csv("iris.csv").withLabel("petal_width_cm")
                .withColumns(List.of("species"), List.of());
        PreparedData d = TableLoader.prepare(file, binding, 1);
        assertEquals(Task.REGRESSION, d.target().task());
        assertEquals("petal_width_cm", d.target().name());
        assertEquals(List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm"), ((TabularEncoding) d.encoding()).featureColumns());
    }

    @Test
    void a_label_name_differing_only_in_case_is_found() throws Exception {
        PreparedData d = TableLoader.prepare(data("iris.csv"), DataBinding.csv("iris.csv").withLabel("Species"), 1);
        assertEquals("species", d.target().name());
    }

    @Test
    void the_task_can_be_forced_either_way() throws Exception {
        // sex is coded 1/2: classes by default, a quantity when the user says so.
        DataBinding sexAsQuantity = DataBinding.csv("diabetes.csv").withLabel("sex").withTask(TaskChoice.REGRESSION);
        assertEquals(Task.REGRESSION, TableLoader.prepare(data("diabetes.csv"), sexAsQuantity, 1).target().task());
        // s4 has many distinct values: a quantity by default, classes when the user says so.
        DataBinding s4AsClasses = DataBinding.csv("diabetes.csv").withLabel("s4").withTask(TaskChoice.CLASSIFICATION);
        PreparedData d = TableLoader.prepare(data("diabetes.csv"), s4AsClasses, 1);
        assertEquals(Task.CLASSIFICATION, d.target().task());
        assertEquals(List.of("2", "2.15", "2.19"), d.target().classNames().subList(0, 3));
    }

    @Test
    void a_file_of_many_rows_is_read_whole_with_the_right_lines() throws Exception {
        // Row arrays start small and grow; rows of very different lengths test the size guess.
        List<String> lines = new java.util.ArrayList<>(List.of("x,note,label"));
        for (int i = 0; i < 25_000; i++) {
            String note = i % 1000 == 0 ? "\"" + "a long note, ".repeat(50) + "\"" : "";
            lines.add(i + "," + note + "," + (i % 2 == 0 ? "a" : "b"));
        }
        Path file = csv(dir, "many.csv", lines.toArray(String[]::new));
        DataBinding binding = DataBinding.csv("many.csv").withNormalization(Normalization.NONE).withColumns(List.of("note"), List.of());
        PreparedData d = TableLoader.prepare(file, binding, 2);
        assertEquals(25_000, d.report().rowsRead());
        for (Examples split : List.of(d.train(), d.validation(), d.test())) {
            for (int i = 0; i < split.size(); i++) {
                assertEquals(split.origins()[i] - 2, split.features()[i]);
            }
        }
    }
}
