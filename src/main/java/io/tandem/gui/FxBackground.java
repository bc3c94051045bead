package io.tandem.gui;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Work on virtual threads; results and failures delivered on the FX thread, unless cancelled first. */
public final class FxBackground implements Background {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void later(Runnable task) {
        Platform.runLater(task);
    }

    @Override
    public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        var cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Future<?> future = executor.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
        return () -> {
            cancelled.set(true);
            future.cancel(true);
        };
    }
}
