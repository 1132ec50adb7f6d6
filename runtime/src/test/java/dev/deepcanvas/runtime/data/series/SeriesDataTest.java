package dev.deepcanvas.runtime.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepcanvas.runtime.data.DataException;
import dev.deepcanvas.runtime.data.Encodings;
import dev.deepcanvas.runtime.data.Examples;
import dev.deepcanvas.runtime.data.PreparedData;
import dev.deepcanvas.runtime.data.table.CsvRows;
import dev.deepcanvas.runtime.data.table.SeriesColumns;
import dev.deepcanvas.runtime.data.table.SeriesEncoding;
import dev.deepcanvas.runtime.data.table.SeriesLoader;
import dev.deepcanvas.runtime.document.DataBinding;
import dev.deepcanvas.runtime.document.DataBinding.MissingValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows, the split by time, gaps, differencing and the naive forecast's reference. */
class SeriesDataTest {

    @TempDir
    Path dir;

    /** Rows t = 0..n-1 with y = 10 + t and x = t % 3 (time order matters: y grows). */
    Path series(int n, String gapAt) throws Exception {
        List<String> rows = new ArrayList<>(List.of("t,x,y"));
        for (int t = 0; t < n; t++) {
            rows.add(t + "," + (t % 3) + "," + (String.valueOf(t).equals(gapAt) ? "NA" : String.valueOf(10 + t)));
        }
        Path file = dir.resolve("s.csv");
        Files.write(file, rows);
        return file;
    }

    DataBinding binding(int window, int horizon, boolean differencing) {
        return DataBinding.of("s.csv", DataBinding.Format.TIMESERIES).withLabel("y").withColumns(List.of("t"), List.of())
                .withSeries(new DataBinding.Series(window, horizon, differencing));
    }

    @Test
    void no_window_crosses_a_stretch_boundary_and_the_stretches_follow_in_time() throws Exception {
        PreparedData data = SeriesLoader.prepare(series(100, null), binding(5, 2, false), 42);
        // lines are 1-based and the header is line 1: row r is line r + 2
        int validationStart = data.report().series().validationStart();
        int testStart = data.report().series().testStart();
        assertEquals(70, validationStart);
        assertEquals(85, testStart);
        for (int origin : data.train().origins()) {
            assertTrue(origin - 2 < validationStart, "a training target row lies in the training stretch");
        }
        for (int origin : data.test().origins()) {
            int targetRow = origin - 2;
            int firstRow = targetRow - 2 - 5 + 1;
            assertTrue(firstRow >= testStart, "test window starting at row " + firstRow + " overlaps an earlier stretch");
        }
        // windows inside each stretch: rows - window - horizon + 1
        assertEquals(70 - 5 - 2 + 1, data.train().size());
        assertEquals(15 - 5 - 2 + 1, data.test().size());
        int[] origins = data.train().origins();
        for (int i = 1; i < origins.length; i++) {
            assertTrue(origins[i] > origins[i - 1], "windows keep time order (they are shuffled per epoch, not across stretches)");
        }
    }

    @Test
    void a_window_holds_every_input_column_over_its_rows_scaled_by_the_training_stretch() throws Exception {
        PreparedData data = SeriesLoader.prepare(series(40, null), binding(3, 1, false), 42);
        SeriesEncoding e = (SeriesEncoding) data.encoding();
        assertEquals(List.of("y", "x"), e.inputs(), "the target's own past comes first");
        assertArrayEquals(new long[] {2, 3}, data.train().exampleShape());
        // the first training window: rows 0..2, predicting row 3
        Examples train = data.train();
        double yMean = 10 + (28 - 1) / 2.0;
        assertEquals((10 - yMean) / e.scale()[0], train.features()[0], 1e-5);
        assertEquals((12 - yMean) / e.scale()[0], train.features()[2], 1e-5);
        assertEquals(13.0, train.toUnits(data.target(), 0, train.labels()[0]), 1e-4);
        assertEquals(12.0, train.reference()[0], 1e-9, "the naive forecast is the window's last value");
    }

    @Test
    void differencing_forecasts_the_change_and_adds_it_back_to_the_last_level() throws Exception {
        PreparedData data = SeriesLoader.prepare(series(40, null), binding(3, 2, true), 42);
        assertTrue(data.target().relative());
        Examples test = data.test();
        for (int i = 0; i < test.size(); i++) {
            assertEquals(2.0, data.target().toUnits(test.labels()[i]), 1e-4, "y grows by 1 a row: the change over 2 rows is 2");
            assertEquals(test.reference()[i] + 2, test.toUnits(data.target(), i, test.labels()[i]), 1e-4);
        }
    }

    @Test
    void gaps_are_interpolated_filled_forward_or_leave_their_windows_out() throws Exception {
        double[] v = {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN};
        double[] line = v.clone();
        assertEquals(4, SeriesColumns.fill(line, MissingValues.INTERPOLATE));
        assertArrayEquals(new double[] {1, 1, 2, 3, 4, 4}, line, 1e-9);
        double[] forward = v.clone();
        SeriesColumns.fill(forward, MissingValues.FORWARD);
        assertArrayEquals(new double[] {1, 1, 1, 1, 4, 4}, forward, 1e-9);

        PreparedData dropped = SeriesLoader.prepare(series(100, "30"), binding(5, 1, false).withMissing(MissingValues.DROP), 42);
        PreparedData filled = SeriesLoader.prepare(series(100, "30"), binding(5, 1, false), 42);
        assertEquals(filled.train().size() - 6, dropped.train().size(), "five windows hold row 30 and one predicts it");
        assertTrue(dropped.report().warnings().stream().anyMatch(w -> w.contains("6 windows touch a missing value")));
        assertEquals(1, filled.report().filled().get("y"));
    }

    @Test
    void a_mean_fill_or_a_window_longer_than_the_training_stretch_is_refused_with_the_fix() throws Exception {
        Path file = series(20, null);
        DataException mean = assertThrows(DataException.class,
                () -> SeriesLoader.prepare(file, binding(3, 1, false).withMissing(MissingValues.FILL), 1));
        assertTrue(mean.getMessage().contains("forward or by interpolation"), mean.getMessage());
        DataException tooLong = assertThrows(DataException.class, () -> SeriesLoader.prepare(file, binding(14, 1, false), 1));
        assertTrue(tooLong.getMessage().contains("shorter window"), tooLong.getMessage());
    }

    @Test
    void the_encoding_cuts_a_new_file_into_the_same_windows() throws Exception {
        Path file = series(40, null);
        PreparedData data = SeriesLoader.prepare(file, binding(3, 1, true), 42);
        SeriesEncoding back = assertInstanceOf(SeriesEncoding.class, Encodings.fromJson(data.encoding().toJson()));
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CsvRows.forEach(file, (line, values) -> {
            rows.add(values);
            lines.add(line);
        });
        List<SeriesEncoding.Window> windows = back.windows("s.csv", rows, lines);
        assertEquals(40 - 3, windows.size(), "the first row has no change, so windows end on rows 3..39");
        SeriesEncoding.Window first = windows.get(0);
        assertEquals(3, first.lastRow());
        assertEquals(13.0, first.lastLevel(), 1e-9);
    }
}
