package dev.deepcanvas.runtime.data.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads PNG, JPEG and BMP files with the JDK's own readers (no native libraries). The format is
 * told by the file's first bytes, not its name, and each format's reader is kept and reused:
 * {@code ImageIO.read} asks every installed reader to sniff the file and builds a new reader
 * each time, which costs more than decoding a 28×28 PNG. Not thread-safe: one per thread.
 */
final class ImageDecoder {

    /** Bigger images are refused before decoding, so a tiny file claiming 100,000² pixels cannot exhaust memory. */
    static final long MAX_PIXELS = 50_000_000L;

    /** A file that is not a usable image; the message says why, for people. */
    static final class UnreadableImageException extends Exception {
        UnreadableImageException(String reason) {
            super(reason, null, false, false);
        }
    }

    private enum Format {
        PNG, JPEG, BMP;

        static Format sniff(byte[] b) {
            if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                return PNG;
            }
            if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
                return JPEG;
            }
            if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
                return BMP;
            }
            return null;
        }
    }

    private final Map<Format, ImageReader> readers = new EnumMap<>(Format.class);

    /** Set by a reader that reached the end of the data early; it then fills the rest with grey. */
    private boolean cutOff;

    BufferedImage read(Path file) throws IOException, UnreadableImageException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new UnreadableImageException("empty file");
        }
        Format format = Format.sniff(bytes);
        if (format == null) {
            throw new UnreadableImageException("not a PNG, JPEG or BMP image");
        }
        ImageReader reader = readers.computeIfAbsent(format, this::newReader);
        cutOff = false;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > MAX_PIXELS) {
                throw new UnreadableImageException(String.format("too large (%d×%d pixels; at most %d megapixels)",
                        reader.getWidth(0), reader.getHeight(0), MAX_PIXELS / 1_000_000));
            }
            BufferedImage image = reader.read(0);
            if (cutOff) {
                throw new UnreadableImageException("corrupt " + format + " image (the file is cut off)");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            // Readers throw all sorts on damaged input; a fresh reader for the next file is safer than a confused one.
            readers.remove(format).dispose();
            throw new UnreadableImageException("corrupt or unsupported " + format + " image (" + detail(e) + ")");
        } finally {
            ImageReader kept = readers.get(format);
            if (kept != null) {
                kept.setInput(null);
            }
        }
    }

    private ImageReader newReader(Format format) {
        ImageReader reader = ImageIO.getImageReadersByFormatName(format.name()).next();
        // A cut-off JPEG (an interrupted download) decodes without an error, its missing part
        // grey; only libjpeg's "premature end of data segment" warning tells. Other warnings are
        // harmless: stray bytes between markers, or just the end marker missing after whole data.
        reader.addIIOReadWarningListener((source, warning) -> {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                cutOff = true;
            }
        });
        return reader;
    }

    private static String detail(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
