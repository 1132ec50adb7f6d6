package dev.deepcanvas.runtime.data.images;

import dev.deepcanvas.runtime.data.images.ClassFolders.ImageFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decodes and encodes many image files on all cores. Each worker has its own {@link ImageDecoder}
 * (readers are not thread-safe) and takes the next file from a shared counter, so a few big
 * files do not leave the other workers idle. A file that cannot be used gets a reason instead of
 * values; nothing a file contains can stop the others from loading.
 */
final class ParallelEncoding {

    /**
     * @param features per file, its encoded values, or null if it was skipped
     * @param problems per file, why it was skipped, or null
     */
    record Result(float[][] features, String[] problems) {}

    private ParallelEncoding() {}

    static Result encode(List<ImageFile> files, ImageEncoding encoding) throws IOException {
        int n = files.size();
        float[][] features = new float[n][];
        String[] problems = new String[n];
        AtomicInteger next = new AtomicInteger();
        int workers = Math.max(1, Math.min(n, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
            Thread t = new Thread(task, "image-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                running.add(pool.submit(() -> {
                    ImageDecoder decoder = new ImageDecoder();
                    for (int i = next.getAndIncrement(); i < n && !Thread.currentThread().isInterrupted(); i = next.getAndIncrement()) {
                        try {
                            features[i] = encoding.encode(decoder.read(files.get(i).path()));
                        } catch (ImageDecoder.UnreadableImageException e) {
                            problems[i] = e.getMessage();
                        } catch (IOException e) {
                            problems[i] = describe(e);
                        }
                    }
                }));
            }
            // Future.get also makes the workers' writes to the arrays visible here.
            for (Future<?> f : running) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped while reading images");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(features, problems);
    }

    private static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        return "cannot be read (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
    }
}
