package dev.deepcanvas.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;

/** Runs work on the JavaFX thread from a benchmark's main thread and waits for it. */
final class FxThread {

    private FxThread() {}

    static void run(Runnable r, long timeoutSeconds) {
        get(() -> {
            r.run();
            return null;
        }, timeoutSeconds);
    }

    static <T> T get(Supplier<T> s, long timeoutSeconds) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(s.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
