package org.dialbook.ui.common;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A piece of background work and what to do with its outcome, in the style of JabRef's
 * BackgroundTask: build it, attach callbacks, then {@link #executeWith(TaskExecutor)}.
 *
 * @param <T> the result type
 */
public final class BackgroundTask<T> {

    /** The work itself; runs on a background thread (or the current one in tests). */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final String title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(String title, Work<T> work) {
        this.title = title;
        this.work = Objects.requireNonNull(work, "work");
    }

    /** Work shown in the status bar under {@code title} while it runs. */
    public static <T> BackgroundTask<T> titled(String title, Work<T> work) {
        return new BackgroundTask<>(Objects.requireNonNull(title, "title"), work);
    }

    /** Quick work that does not appear in the status bar (page loads, for instance). */
    public static <T> BackgroundTask<T> quiet(Work<T> work) {
        return new BackgroundTask<>(null, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> consumer) {
        this.onSuccess = Objects.requireNonNull(consumer);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> consumer) {
        this.onFailure = Objects.requireNonNull(consumer);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = Objects.requireNonNull(action);
        return this;
    }

    /** Runs after success, failure or cancellation, after the matching callback. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    public Job executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    /** Null for quiet work. */
    public String title() {
        return title;
    }

    T call(Progress progress) throws Exception {
        return work.call(progress);
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            if (onFailure == null) {
                throw new IllegalStateException("Background work failed and nobody handled it", error);
            }
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    void cancelled() {
        try {
            onCancelled.run();
        } finally {
            onFinished.run();
        }
    }
}
