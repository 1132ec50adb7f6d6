package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems that do not stop training are reported in plain words. */
class DataWarningsTest {

    @TempDir
    Path dir;

    @Test
    void a_rare_class_a_small_validation_split_a_constant_column_and_a_copy_of_the_label_are_reported() throws Exception {
        // 58 rows of class a and 2 of class b (3.3 %); 15 % of 60 rows leave 9 for validation.
        List<String> lines = new ArrayList<>(List.of("x,k,copy,y"));
        for (int i = 0; i < 60; i++) {
            String y = i < 58 ? "a" : "b";
            lines.add(i + ",7," + y + "," + y);
        }
        PreparedData d = TableLoader.prepare(csv(dir, "warn.csv", lines.toArray(String[]::new)), DataBinding.csv("warn.csv"), 1);
        assertEquals(9, d.validation().size());
        assertEquals(List.of(
                "column 'k' is constant: it carries no information",
                "column 'copy' is identical to the label 'y': it gives the answer away; ignore it",
                "class 'b' has only 2 of the 60 rows (3.3 %): the network may learn to ignore it",
                "the validation split has only 9 rows: its scores will be noisy"), d.report().warnings());
    }

    @Test
    void an_empty_column_is_left_out_with_a_warning() throws Exception {
        String[] lines = TestFiles.numberedRows(100);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i == 0 ? "blank," + lines[i] : "," + lines[i];
        }
        PreparedData d = TableLoader.prepare(csv(dir, "blank.csv", lines), DataBinding.csv("blank.csv"), 1);
        assertEquals(List.of("x"), ((TabularEncoding) d.encoding()).featureColumns());
        assertEquals(List.of("column 'blank' has no values: it is left out"), d.report().warnings());
    }

    @Test
    void a_constant_regression_target_is_reported() throws Exception {
        String[] lines = TestFiles.numberedRows(100);
        for (int i = 1; i < lines.length; i++) {
            lines[i] = lines[i].replaceAll("[ab]$", "2.5");
        }
        PreparedData d = TableLoader.prepare(csv(dir, "flat.csv", lines), DataBinding.csv("flat.csv"), 1);
        assertEquals(List.of("the label 'label' is constant: there is nothing to learn"), d.report().warnings());
    }

    @Test
    void a_text_column_of_unique_values_is_reported_as_an_identifier() throws Exception {
        String[] lines = TestFiles.numberedRows(100);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = (i == 0 ? "id" : "r" + i) + "," + lines[i];
        }
        PreparedData d = TableLoader.prepare(csv(dir, "ids.csv", lines), DataBinding.csv("ids.csv"), 1);
        assertEquals(List.of("column 'id' has 70 different values in 70 training rows: it looks like an identifier, "
                + "not a category, and adds one input per value; ignore it"), d.report().warnings());
    }
}
