package org.dialbook.ui.common;

import java.time.Duration;
import javafx.collections.ObservableList;

/**
 * Runs work off the UI thread and delivers its result, failure or cancellation back on the UI
 * thread. The app uses one {@link FxTaskExecutor}; ViewModel tests use
 * {@link CurrentThreadTaskExecutor}, so nothing in a ViewModel starts threads of its own.
 */
public interface TaskExecutor {

    /** Starts the task; its callbacks run on the UI thread. */
    <T> Job execute(BackgroundTask<T> task);

    /** Runs the action on the UI thread after the delay, unless cancelled first. For debouncing. */
    Cancellable schedule(Duration delay, Runnable action);

    /** Jobs with a title that are still running, for the status bar. Changes on the UI thread. */
    ObservableList<Job> runningJobs();

    /** Cancels what is running and stops the threads. */
    void shutdown();
}
