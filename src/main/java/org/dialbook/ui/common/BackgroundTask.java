package org.dialbook.ui.common;

import java.time.ZoneId;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.WaitListener;

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
    private ContactsApi waitsOf;
    private BooleanSupplier alsoCancelled = () -> false;

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

    /**
     * While this job runs, the client's waits (a retry, the account's rate budget, an outage) show in
     * its progress line instead of a frozen bar; Cancel ends such a wait at once; and an outage pauses
     * the job for up to {@link ContactsClient#JOB_OUTAGE_PATIENCE} instead of failing what is left.
     */
    public BackgroundTask<T> showingWaitsOf(ContactsApi api) {
        return showingWaitsOf(api, () -> false);
    }

    /** As {@link #showingWaitsOf(ContactsApi)}, when the job also has a cancel flag of its own. */
    public BackgroundTask<T> showingWaitsOf(ContactsApi api, BooleanSupplier alsoCancelled) {
        this.waitsOf = Objects.requireNonNull(api, "api");
        this.alsoCancelled = Objects.requireNonNull(alsoCancelled, "alsoCancelled");
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
        if (waitsOf == null) {
            return work.call(progress);
        }
        WaitingProgress waiting = new WaitingProgress(progress, alsoCancelled, ZoneId.systemDefault());
        try (WaitListener.Subscription subscription = waitsOf.onWait(waiting)) {
            return work.call(waiting);
        }
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
