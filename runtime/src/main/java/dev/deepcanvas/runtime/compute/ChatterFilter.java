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

    ChatterFilter(OutputStream out) {
        super(out);
    }

    /** Replaces {@link System#out} with a filtered stream over it; call once, at start-up. */
    public static void install() {
        System.setOut(new PrintStream(new ChatterFilter(System.out), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r') {
            passLine();
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
        String partial = line.toString(StandardCharsets.UTF_8);
        if (!partial.isEmpty() && DROPPED.stream().noneMatch(p -> p.startsWith(partial) || partial.startsWith(p))) {
            out.write(line.toByteArray());
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

    private void passLine() throws IOException {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        for (String prefix : DROPPED) {
            if (text.startsWith(prefix)) {
                return;
            }
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
