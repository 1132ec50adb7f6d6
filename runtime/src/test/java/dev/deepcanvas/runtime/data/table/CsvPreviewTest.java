package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.ColumnType.CATEGORICAL;
import static dev.deepcanvas.runtime.data.table.ColumnType.EMPTY;
import static dev.deepcanvas.runtime.data.table.ColumnType.NUMERIC;
import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static dev.deepcanvas.runtime.data.table.TestFiles.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPreviewTest {

    @TempDir
    Path dir;

    @Test
    void iris_shows_its_first_rows_names_and_column_types() throws Exception {
        CsvPreview preview = CsvPreview.read(data("iris.csv"), 2);
        assertEquals(new CsvFormat(',', '"', true), preview.format());
        assertEquals(List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm", "species"), preview.columns());
        assertEquals(List.of(List.of("5.1", "3.5", "1.4", "0.2", "setosa"), List.of("4.9", "3.0", "1.4", "0.2", "setosa")), preview.rows());
        assertEquals(List.of(NUMERIC, NUMERIC, NUMERIC, NUMERIC, CATEGORICAL), preview.types());
        assertEquals(List.of(0, 0, 0, 0, 0), preview.missing());
        assertEquals(150, preview.rowCount());
    }

    @Test
    void missing_values_are_counted_over_the_whole_file_in_every_spelling() throws Exception {
        Path file = csv(dir, "gaps.csv",
                "x,colour,nothing,label",
                "1,red,,a",
                "NA,blue,na,b",
                "n/a,,NaN,a",
                "4,?,null,b",
                "5,red,NULL,a");
        CsvPreview preview = CsvPreview.read(file, 1);
        assertEquals(List.of(2, 2, 5, 0), preview.missing());
        assertEquals(List.of(NUMERIC, CATEGORICAL, EMPTY, CATEGORICAL), preview.types());
        assertEquals(1, preview.rows().size());
        assertEquals(5, preview.rowCount());
    }

    @Test
    void quoted_fields_keep_delimiters_line_breaks_and_doubled_quotes() throws Exception {
        Path file = csv(dir, "quoted.csv",
                "id;note;x;label",
                "1;\"a;b\";1.5;yes",
                "2;\"two",
                "lines\";2.5;no",
                "3;\"say \"\"hi\"\"\";3.5;yes",
                "4; plain ;4.5;no");
        CsvPreview preview = CsvPreview.read(file, 10);
        assertEquals(';', preview.format().delimiter());
        assertEquals(List.of(
                List.of("1", "a;b", "1.5", "yes"),
                List.of("2", "two\nlines", "2.5", "no"),
                List.of("3", "say \"hi\"", "3.5", "yes"),
                List.of("4", "plain", "4.5", "no")), preview.rows());
        assertEquals(List.of(NUMERIC, CATEGORICAL, NUMERIC, CATEGORICAL), preview.types());
    }
}
