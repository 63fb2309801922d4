package org.dialbook.ui.common;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor}: each task becomes a {@link javafx.concurrent.Task} on one
 * app-wide pool of daemon threads, so the window never waits on I/O and nobody creates threads
 * ad hoc. Callbacks arrive on the FX thread through the Task's own event handlers.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final ObservableList<Job> running = FXCollections.observableArrayList();

    public FxTaskExecutor() {
        this(4);
    }

    public FxTaskExecutor(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, daemonFactory("dialbook-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonFactory("dialbook-timer"));
    }

    @Override
    public <T> Job execute(BackgroundTask<T> task) {
        Job job = new Job(task.title());
        WorkTask<T> fxTask = new WorkTask<>(task);
        job.setCanceller(() -> fxTask.cancel(true));
        fxTask.setOnSucceeded(event -> finish(job, () -> task.succeeded(fxTask.getValue())));
        fxTask.setOnFailed(event -> finish(job, () -> {
            Throwable error = fxTask.getException();
            LOG.debug("Background work '{}' failed", task.title(), error);
            task.failed(error);
        }));
        fxTask.setOnCancelled(event -> finish(job, task::cancelled));
        onFxThread(() -> {
            job.progressWrapper().bind(fxTask.progressProperty());
            job.messageWrapper().bind(fxTask.messageProperty());
            if (job.title() != null && job.isRunning()) {
                running.add(job);
            }
        });
        try {
            pool.execute(fxTask);
        } catch (RejectedExecutionException closing) {
            // The window is closing: late callbacks (a prefetch after the last page arrived) still submit work.
            // Cancelling tells the caller through its usual path instead of throwing on the FX thread.
            LOG.debug("Background work '{}' arrived after shutdown; cancelled", task.title());
            fxTask.cancel(false);
        }
        return job;
    }

    private void finish(Job job, Runnable callback) {
        running.remove(job);
        job.progressWrapper().unbind();
        job.messageWrapper().unbind();
        job.finish();
        callback.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future;
        try {
            future = timer.schedule(() -> Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("A timer was set after shutdown; it will not fire");
            return () -> cancelled.set(true);
        }
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public ObservableList<Job> runningJobs() {
        return running;
    }

    @Override
    public void shutdown() {
        onFxThread(() -> running.forEach(Job::cancel));
        timer.shutdownNow();
        pool.shutdownNow();
    }

    /** A Task that is also the work's Progress: FutureTask already answers isCancelled(). */
    private static final class WorkTask<T> extends Task<T> implements Progress {
        private final BackgroundTask<T> task;

        private WorkTask(BackgroundTask<T> task) {
            this.task = task;
        }

        @Override
        protected T call() throws Exception {
            return task.call(this);
        }

        @Override
        public void update(long done, long total, String message) {
            updateProgress(done, total);
            updateMessage(message == null ? "" : message);
        }
    }

    private static void onFxThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    private static ThreadFactory daemonFactory(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
