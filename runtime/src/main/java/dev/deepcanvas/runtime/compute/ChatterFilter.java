package dev.deepcanvas.runtime.compute;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Drops the lines that ND4J M2.1 prints straight to standard output, whatever the log settings
 * (SameDiff announces "Added differentiated op ..." for every operation of a SameDiff layer when it
 * first builds the gradients: self-attention, layer normalisation, position embedding). Every other
 * line passes through unchanged, so command-line output stays the product's own.
 */
public final class ChatterFilter extends FilterOutputStream {

    static final List<String> DROPPED = List.of("Added differentiated op ");

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** True right after a dropped line that ended in \r: the \n of its \r\n (Windows' println) goes too. */
    private boolean droppedCarriageReturn;

    ChatterFilter(OutputStream out) {
        super(out);
    }

    /** Replaces {@link System#out} with a filtered stream over it; call once, at start-up. */
    public static void install() {
        System.setOut(new PrintStream(new ChatterFilter(System.out), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (droppedCarriageReturn) {
            droppedCarriageReturn = false;
            if (b == '\n') {
                return;
            }
        }
        line.write(b);
        if (b == '\n' || b == '\r') {
            passLine(b == '\r');
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // A partial line (a progress line redrawn with \r) goes out now unless it may become a dropped one.
        String partial = line.toString(StandardCharsets.ISO_8859_1);
        if (!partial.isEmpty() && DROPPED.stream().noneMatch(p -> p.startsWith(partial) || partial.startsWith(p))) {
            line.writeTo(out);
            line.reset();
        }
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (line.size() > 0) {
            out.write(line.toByteArray());
            line.reset();
        }
        super.close();
    }

    private void passLine(boolean endedInCarriageReturn) throws IOException {
        // the prefixes are ASCII, so comparing the first bytes as ISO-8859-1 text is exact
        String start = line.toString(StandardCharsets.ISO_8859_1);
        for (String prefix : DROPPED) {
            if (start.startsWith(prefix)) {
                line.reset();
                droppedCarriageReturn = endedInCarriageReturn;
                return;
            }
        }
        // the bytes as written: a character split across writes stays whole
        line.writeTo(out);
        line.reset();
    }
}
