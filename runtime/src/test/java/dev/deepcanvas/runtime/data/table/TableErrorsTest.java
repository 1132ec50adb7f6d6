package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static dev.deepcanvas.runtime.data.table.TestFiles.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.TaskChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one message naming the file, line, column and value: never a stack trace. */
class TableErrorsTest {

    @TempDir
    Path dir;

    private static DataException refused(Path csv, DataBinding binding) {
        return assertThrows(DataException.class, () -> TableLoader.prepare(csv, binding, 42));
    }

    private static DataException refused(Path csv) {
        return refused(csv, DataBinding.csv(csv.getFileName().toString()));
    }

    /** A header and {@code n} good rows "i,i*2,a|b". */
    private static List<String> goodRows(int n) {
        List<String> lines = new ArrayList<>(List.of("x,z,label"));
        for (int i = 1; i <= n; i++) {
            lines.add(i + "," + (i * 2) + "," + (i % 2 == 0 ? "a" : "b"));
        }
        return lines;
    }

    @Test
    void a_ragged_row_names_its_line_and_both_field_counts() {
        List<String> lines = goodRows(10);
        lines.set(5, "5,10");
        DataException e = refused(csv(dir, "ragged.csv", lines.toArray(String[]::new)));
        assertEquals("ragged.csv, line 6: this row has 2 fields but the header has 3", e.getMessage());
        assertEquals(6, e.line());
    }

    @Test
    void a_ragged_row_in_a_file_without_header_is_compared_with_the_first_line() {
        DataException e = refused(csv(dir, "plain.csv", "1,2,a", "3,4,b", "5,6,a", "7,8,9,b"));
        assertEquals("plain.csv, line 4: this row has 4 fields but line 1 has 3", e.getMessage());
    }

    @Test
    void text_in_a_numeric_column_names_the_cell() {
        List<String> lines = goodRows(20);
        lines.set(8, "8,oops,a");
        DataException e = refused(csv(dir, "typo.csv", lines.toArray(String[]::new)));
        assertEquals("typo.csv, line 9, column 'z', value 'oops': text in a numeric column (19 of its 20 values are numbers); "
                + "fix the value, write NA if it is missing, or list the column as categorical", e.getMessage());
        assertEquals("z", e.column());
        assertEquals("oops", e.value());
    }

    @Test
    void a_numeric_column_listed_as_categorical_may_hold_text() throws Exception {
        List<String> lines = goodRows(20);
        lines.set(8, "8,oops,a");
        Path file = csv(dir, "typo.csv", lines.toArray(String[]::new));
        var d = TableLoader.prepare(file, DataBinding.csv("typo.csv").withColumns(List.of(), List.of("z")), 1);
        assertEquals(List.of("x", "z"), ((TabularEncoding) d.encoding()).featureColumns());
    }

    @Test
    void an_empty_file_is_refused() throws Exception {
        assertEquals("empty.csv: the file is empty", refused(csv(dir, "empty.csv", "")).getMessage());
        Path nothing = Files.writeString(dir.resolve("nothing.csv"), "");
        assertEquals("nothing.csv: the file is empty", refused(nothing).getMessage());
    }

    @Test
    void a_header_without_rows_is_refused() {
        assertEquals("header.csv: the file has a header but no data rows", refused(csv(dir, "header.csv", "a,b,label")).getMessage());
    }

    @Test
    void a_label_column_that_does_not_exist_is_named_with_the_columns_there_are() {
        DataException e = refused(data("iris.csv"), DataBinding.csv("iris.csv").withLabel("kind"));
        assertEquals("iris.csv, column 'kind': there is no such column (it is chosen as the label); the columns are "
                + "sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, species", e.getMessage());
    }

    @Test
    void an_ignored_column_that_does_not_exist_is_named() {
        DataException e = refused(data("iris.csv"), DataBinding.csv("iris.csv").withColumns(List.of("petals"), List.of()));
        assertEquals("iris.csv, column 'petals': there is no such column (it is listed as ignored); the columns are "
                + "sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm, species", e.getMessage());
    }

    @Test
    void a_label_with_one_class_is_refused() {
        DataException e = refused(csv(dir, "one.csv", "x,y", "1,a", "2,a", "3,a", "4,a"));
        assertEquals("one.csv: the label column 'y' has only one class, 'a': a classifier needs at least two", e.getMessage());
    }

    @Test
    void regression_on_a_text_label_is_refused() {
        DataException e = refused(data("iris.csv"), DataBinding.csv("iris.csv").withTask(TaskChoice.REGRESSION));
        assertEquals("iris.csv, line 2, column 'species', value 'setosa': the label holds text, but regression predicts a number; "
                + "choose classification or another label column", e.getMessage());
    }

    @Test
    void an_unclosed_quote_names_the_line_it_opens_on() {
        DataException e = refused(csv(dir, "quote.csv", "x,note,label", "1,fine,a", "2,\"never closed,b", "3,more,a"));
        assertEquals("quote.csv, line 3: a quoted field starts on this line but its closing quote (\") never comes", e.getMessage());
    }

    @Test
    void text_after_a_closing_quote_is_refused() {
        DataException e = refused(csv(dir, "quote.csv", "x,note,label", "1,fine,a", "2,\"half\" quoted,b", "3,more,a"));
        assertEquals("quote.csv, line 3: field 2 has text after its closing quote; put the whole value in quotes and double any quote inside it",
                e.getMessage());
    }

    @Test
    void two_columns_with_one_name_are_refused() {
        DataException e = refused(csv(dir, "twice.csv", "x,x,label", "1,2,a", "3,4,b"));
        assertEquals("twice.csv, line 1, column 'x': fields 1 and 2 of the header have this name; give each column its own", e.getMessage());
    }

    @Test
    void a_file_with_only_a_label_has_nothing_to_learn_from() {
        DataException e = refused(csv(dir, "only.csv", "label", "a", "b"));
        assertEquals("only.csv: there are no feature columns: 'label' is the label and the file has no other column to learn from",
                e.getMessage());
    }

    @Test
    void the_label_cannot_also_be_ignored() {
        DataException e = refused(data("iris.csv"), DataBinding.csv("iris.csv").withColumns(List.of("species"), List.of()).withLabel("species"));
        assertEquals("iris.csv, column 'species': the label column is also listed as ignored; take it off that list", e.getMessage());
    }

    @Test
    void rows_that_all_have_gaps_leave_nothing_under_the_drop_policy() {
        DataException e = refused(csv(dir, "gaps.csv", "x,z,label", "1,NA,a", "NA,2,b", "3,,a", "?,4,b"));
        assertEquals("gaps.csv: no rows are left: each of the 4 rows misses its label or, as missing values are dropped, a feature",
                e.getMessage());
    }

    @Test
    void features_that_are_all_empty_leave_nothing_to_learn_from() {
        assertEquals("blank.csv: every feature column is empty", refused(csv(dir, "blank.csv", "x,label", ",a", "NA,b")).getMessage());
    }
}
