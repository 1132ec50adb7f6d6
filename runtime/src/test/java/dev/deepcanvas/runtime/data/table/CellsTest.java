package dev.deepcanvas.runtime.data.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "NA", "na", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?", " NA "})
    void these_spellings_mean_missing(String cell) {
        assertTrue(Cells.isMissing(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "n", "none", "nul", "-", "N/", "NAN1"})
    void these_are_values(String cell) {
        assertFalse(Cells.isMissing(cell));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1f", "1d", "Infinity", "-Infinity", "0x10", "1e", "1e+", "-", "+", ".", "1.2.3", "1,5", "1 000", "e5"})
    void these_are_not_numbers(String cell) {
        assertTrue(Double.isNaN(Cells.number(cell)), cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+7", "5.1", ".5", "5.", "-3.25e-4", "1E10", "0.006193", "123456789012345678901234",
        "0.000000000000000000000000001234", "9007199254740993", "1e-400", "1e400", "4.9e-324", "00012.50"})
    void numbers_are_read_exactly_as_java_reads_them(String cell) {
        assertEquals(Double.parseDouble(cell), Cells.number(cell));
    }

    @Test
    void random_decimals_are_read_exactly_as_java_reads_them() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = switch (i % 4) {
                case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
                case 1 -> Float.toString((float) (random.nextDouble() * 1000));
                case 2 -> String.format(java.util.Locale.ROOT, "%." + random.nextInt(12) + "f", random.nextDouble() * 1e6);
                default -> Long.toString(random.nextLong() >> random.nextInt(64)) + "." + Math.abs(random.nextLong() >> random.nextInt(64))
                        + (random.nextBoolean() ? "" : "e" + (random.nextInt(60) - 30));
            };
            assertEquals(Double.parseDouble(s), Cells.number(s), s);
        }
    }

    @Test
    void numbers_name_classes_without_a_needless_decimal_point() {
        assertEquals("3", Cells.name(3.0));
        assertEquals("-2", Cells.name(-2.0));
        assertEquals("0.5", Cells.name(0.5));
    }
}
