package io.tandem.gui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (SSH, files, tools) off the FX thread and hands the result back on it. Injected
 * so ViewModel tests run the same code synchronously and deterministically.
 */
public interface Background {

    /** Something running that can be stopped. */
    interface Job {
        void cancel();
    }

    <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code task} on the UI thread later (at once, here, in tests): for results streamed from work still running. */
    default void later(Runnable task) {
        task.run();
    }

    /** Runs everything at once on the calling thread: for tests. */
    Background IMMEDIATE = new Background() {
        @Override
        public <T> Job run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            try {
                onSuccess.accept(work.call());
            } catch (Exception e) {
                onFailure.accept(e);
            }
            return () -> { };
        }
    };
}
