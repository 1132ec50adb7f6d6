package dev.deepcanvas.designer.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work away from the JavaFX thread and hands the result back on it. Tests use {@link
 * #sameThread()}, which runs everything at once, so asynchronous code is deterministic there.
 */
public interface Background {

    /** Runs {@code work} in the background; then {@code done} or {@code failed} on the UI thread. */
    <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed);

    static Background sameThread() {
        return new Background() {
            @Override
            public <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | LinkageError e) {
                    failed.accept(e);
                    return;
                }
                done.accept(result);
            }
        };
    }
}
