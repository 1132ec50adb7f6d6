package dev.deepcanvas.designer.background;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Background work on daemon threads as JavaFX tasks; results come back on the JavaFX thread. */
public final class FxBackground implements Background {

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "deepcanvas-background");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(String name, Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                Thread.currentThread().setName("deepcanvas-" + name);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> failed.accept(task.getException()));
        executor.execute(task);
    }
}
