package dev.deepcanvas.runtime.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatterFilterTest {

    @Test
    void samediff_announcements_are_dropped_and_everything_else_passes_unchanged() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new ChatterFilter(sink), true, StandardCharsets.UTF_8);
        out.println("epoch 1/3  loss 0.22");
        out.println("Added differentiated op multiply_1");
        out.print("\rbatch 5/10");
        assertEquals("epoch 1/3  loss 0.22\n\rbatch 5/10", sink.toString(StandardCharsets.UTF_8), "a progress line shows at once");
        out.print("\rbatch 6/10\n");
        out.print("Added differentiated op add");
        out.print("\n");
        out.println("Test accuracy: 0.98 — ünïcode kept");
        assertEquals("epoch 1/3  loss 0.22\n\rbatch 5/10\rbatch 6/10\nTest accuracy: 0.98 — ünïcode kept\n",
                sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void windows_line_ends_are_dropped_whole_and_characters_split_across_writes_stay_whole() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        ChatterFilter filter = new ChatterFilter(sink);
        filter.write("Added differentiated op add\r\nkept\r\n".getBytes(StandardCharsets.UTF_8));
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        filter.write(euro, 0, 1);
        filter.flush();
        filter.write(euro, 1, euro.length - 1);
        filter.flush();
        assertEquals("kept\r\n€\n", sink.toString(StandardCharsets.UTF_8));
    }
}
