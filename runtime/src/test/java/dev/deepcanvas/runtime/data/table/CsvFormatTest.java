package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static dev.deepcanvas.runtime.data.table.TestFiles.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepcanvas.runtime.data.DataException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {

    @TempDir
    Path dir;

    @Test
    void iris_is_comma_separated_with_a_header() throws Exception {
        assertEquals(new CsvFormat(',', '"', true), CsvFormat.sniff(data("iris.csv")));
    }

    @Test
    void semicolons_tabs_and_pipes_are_recognised() throws Exception {
        assertEquals(';', CsvFormat.sniff(csv(dir, "a.csv", "a;b;c", "1;2;x", "3;4;y")).delimiter());
        assertEquals('\t', CsvFormat.sniff(csv(dir, "b.tsv", "a\tb\tc", "1\t2\tx", "3\t4\ty")).delimiter());
        assertEquals('|', CsvFormat.sniff(csv(dir, "c.csv", "a|b|c", "1|2|x", "3|4|y")).delimiter());
    }

    @Test
    void decimal_commas_do_not_hide_the_semicolon_delimiter() throws Exception {
        Path file = csv(dir, "eu.csv", "length;width;kind", "1,5;2,25;x", "2,5;3,75;y", "3,5;4,25;x");
        assertEquals(new CsvFormat(';', '"', true), CsvFormat.sniff(file));
    }

    @Test
    void delimiters_inside_quotes_do_not_split_fields() throws Exception {
        Path file = csv(dir, "q.csv", "id;note;label", "1;\"a;b;c\";x", "2;\"d;e\";y", "3;f;x");
        assertEquals(new CsvFormat(';', '"', true), CsvFormat.sniff(file));
    }

    @Test
    void single_quotes_are_the_quote_in_files_that_use_them_and_no_double_quotes() throws Exception {
        Path file = csv(dir, "s.csv", "name,x,label", "'Smith, J',1,a", "'Doe, A',2,b", "'Roe, B',3,a");
        assertEquals(new CsvFormat(',', '\'', true), CsvFormat.sniff(file));
        assertEquals(List.of("Smith, J", "1", "a"), CsvPreview.read(file, 1).rows().get(0));
    }

    @Test
    void a_first_row_of_numbers_is_data_and_the_columns_are_numbered() throws Exception {
        Path file = csv(dir, "n.csv", "5.1,3.5,setosa", "4.9,3.0,setosa", "6.3,2.5,virginica");
        assertEquals(new CsvFormat(',', '"', false), CsvFormat.sniff(file));
        CsvPreview preview = CsvPreview.read(file, 10);
        assertEquals(List.of("column_1", "column_2", "column_3"), preview.columns());
        assertEquals(3, preview.rowCount());
    }

    @Test
    void a_text_table_whose_first_line_repeats_in_the_data_has_no_header() throws Exception {
        Path file = csv(dir, "t.csv", "red,big,yes", "blue,small,no", "red,small,yes");
        assertEquals(false, CsvFormat.sniff(file).header());
        assertEquals(true, CsvFormat.sniff(csv(dir, "h.csv", "colour,size,buy", "red,big,yes", "blue,small,no")).header());
    }

    @Test
    void a_byte_order_mark_is_not_part_of_the_first_column_name() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, ("\uFEFFa,b,label\n1,2,x\n3,4,y\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("a", "b", "label"), CsvPreview.read(file, 1).columns());
    }

    @Test
    void sklearns_original_iris_first_line_is_refused_as_a_malformed_header() {
        // 150,4,setosa,versicolor,virginica: counts and class names, not column names. It has as
        // many fields as the data rows, so its mix of numbers and names gives it away.
        DataException e = assertThrows(DataException.class, () -> CsvFormat.sniff(data("sklearn_iris.csv")));
        assertEquals("sklearn_iris.csv, line 1: the first line mixes numbers (150, 4) with names above numeric columns "
                + "(setosa, versicolor, virginica), so it is neither a header nor a data row; "
                + "replace it with column names, one per field, or delete it", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void sklearns_original_breast_cancer_first_line_is_refused_with_both_field_counts() {
        DataException e = assertThrows(DataException.class, () -> CsvFormat.sniff(data("sklearn_breast_cancer.csv")));
        assertEquals("sklearn_breast_cancer.csv, line 1: the first line has 4 fields but the data rows have 31, "
                + "so it cannot name their columns; replace it with column names, one per field, or delete it", e.getMessage());
    }
}
