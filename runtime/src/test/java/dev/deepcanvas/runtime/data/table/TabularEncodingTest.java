package dev.deepcanvas.runtime.data.table;

import static dev.deepcanvas.runtime.data.table.TestFiles.csv;
import static dev.deepcanvas.runtime.data.table.TestFiles.data;
import static dev.deepcanvas.runtime.data.table.TestFiles.rawRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularEncodingTest {

    @TempDir
    Path dir;

    /** 60 rows: a number, a colour, a numeric code treated as categories, gaps, and a label. */
    private Path mixed() {
        List<String> lines = new ArrayList<>(List.of("size,colour,zip,label"));
        String[] colours = {"red", "green", "blue"};
        String[] zips = {"10", "9", "100"};
        for (int i = 0; i < 60; i++) {
            String size = i % 11 == 3 ? "NA" : String.valueOf(1.5 * i + 0.1);
            String colour = i % 13 == 5 ? "" : colours[i % 3];
            lines.add(size + "," + colour + "," + zips[i % 3] + "," + (i % 4 < 2 ? "yes" : "no"));
        }
        return csv(dir, "mixed.csv", lines.toArray(String[]::new));
    }

    private PreparedData prepareMixed() throws Exception {
        DataBinding binding = DataBinding.csv("mixed.csv").withMissing(MissingValues.FILL).withColumns(List.of(), List.of("zip"));
        return TableLoader.prepare(mixed(), binding, 5);
    }

    /** For every example of every split, encoding its raw CSV row gives exactly its features. */
    private static void assertEncodingMatches(PreparedData d, TabularEncoding encoding, Map<Integer, Map<String, String>> raw)
            throws DataException {
        for (Examples split : List.of(d.train(), d.validation(), d.test())) {
            for (int i = 0; i < split.size(); i++) {
                Map<String, String> row = raw.get(split.origins()[i]);
                assertArrayEquals(TestFiles.features(split, i), encoding.encode(row), "line " + split.origins()[i]);
            }
        }
    }

    @Test
    void encoding_a_raw_row_gives_exactly_the_prepared_features_of_that_row() throws Exception {
        PreparedData iris = TableLoader.prepare(data("iris.csv"), DataBinding.csv("iris.csv"), 3);
        assertEncodingMatches(iris, (TabularEncoding) iris.encoding(), rawRows(data("iris.csv")));
        PreparedData mixed = prepareMixed();
        assertEncodingMatches(mixed, (TabularEncoding) mixed.encoding(), rawRows(mixed()));
    }

    @Test
    void the_json_round_trip_gives_an_identical_encoding() throws Exception {
        PreparedData d = prepareMixed();
        TabularEncoding encoding = (TabularEncoding) d.encoding();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode reread = mapper.readTree(mapper.writeValueAsString(encoding.toJson()));
        TabularEncoding back = TabularEncoding.fromJson(reread);
        assertEquals(encoding, back);
        assertEquals(encoding.toJson(), back.toJson());
        assertArrayEquals(encoding.exampleShape(), back.exampleShape());
        assertEncodingMatches(d, back, rawRows(mixed()));
    }

    @Test
    void the_json_names_the_type_and_everything_fitted() throws Exception {
        JsonNode json = prepareMixed().encoding().toJson();
        assertEquals(TabularEncoding.TYPE, json.get("type").asText());
        assertEquals("label", json.get("label").asText());
        assertEquals("fill", json.get("missing").asText());
        assertEquals("standardize", json.get("normalization").asText());
        assertEquals("[\"blue\",\"green\",\"red\"]", json.get("columns").get(1).get("categories").toString());
        assertEquals("[\"9\",\"10\",\"100\"]", json.get("columns").get(2).get("categories").toString());
    }

    @Test
    void categories_are_one_hot_in_sorted_order_and_an_unseen_one_is_all_zeros() throws Exception {
        TabularEncoding encoding = (TabularEncoding) prepareMixed().encoding();
        assertArrayEquals(new long[] {1 + 3 + 3}, encoding.exampleShape());
        assertEquals(List.of("size", "colour", "zip"), encoding.featureColumns());
        float[] red = encoding.encode(Map.of("size", "3", "colour", "red", "zip", "9"));
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, java.util.Arrays.copyOfRange(red, 1, 7));
        float[] purple = encoding.encode(Map.of("size", "3", "colour", "purple", "zip", "42"));
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(purple, 1, 7));
    }

    @Test
    void a_missing_value_is_filled_like_in_training() throws Exception {
        PreparedData d = prepareMixed();
        TabularEncoding encoding = (TabularEncoding) d.encoding();
        JsonNode columns = encoding.toJson().get("columns");
        float[] gaps = encoding.encode(Map.of("size", "NA", "colour", " ", "zip", "10"));
        assertEquals(0f, gaps[0]); // the training mean, standardised
        int mode = List.of("blue", "green", "red").indexOf(columns.get(1).get("fill").asText());
        assertEquals(1f, gaps[1 + mode]);
    }

    @Test
    void bad_raw_rows_are_refused_naming_the_column_and_value() throws Exception {
        TabularEncoding filling = (TabularEncoding) prepareMixed().encoding();
        DataException absent = assertThrows(DataException.class, () -> filling.encode(Map.of("size", "3", "zip", "9")));
        assertEquals("column 'colour': the row has no value for this column, which the network needs", absent.getMessage());
        DataException text = assertThrows(DataException.class, () -> filling.encode(Map.of("size", "big", "colour", "red", "zip", "9")));
        assertEquals("column 'size', value 'big': not a number, but the column is numeric", text.getMessage());

        PreparedData iris = TableLoader.prepare(data("iris.csv"), DataBinding.csv("iris.csv"), 3);
        Map<String, String> row = new HashMap<>(rawRows(data("iris.csv")).get(2));
        row.put("petal_width_cm", "NA");
        DataException missing = assertThrows(DataException.class, () -> ((TabularEncoding) iris.encoding()).encode(row));
        assertEquals("column 'petal_width_cm', value 'NA': the value is missing, and this model was trained without filling "
                + "missing values; give a value", missing.getMessage());
    }

    @Test
    void a_damaged_saved_encoding_is_refused_with_what_is_wrong() throws Exception {
        ObjectNode json = prepareMixed().encoding().toJson();
        json.put("type", "images");
        DataException e = assertThrows(DataException.class, () -> TabularEncoding.fromJson(json));
        assertEquals("the saved table encoding cannot be read: its type is \"images\", not \"table\"", e.getMessage());
        json.put("type", "table");
        ((ObjectNode) json.get("columns").get(0)).put("scale", 0.0);
        e = assertThrows(DataException.class, () -> TabularEncoding.fromJson(json));
        assertEquals("the saved table encoding cannot be read: column 1 has a scale of 0", e.getMessage());
    }
}
