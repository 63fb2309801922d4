package org.dialbook.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs every task at once on the calling thread, for ViewModel tests without the FX thread (as
 * JabRef's CurrentThreadTaskExecutor). Delayed actions run at once too, unless built with
 * {@link #withManualTimers()}, when they wait for {@link #runTimers()}, so a test can show that
 * several rapid requests collapse into one.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final boolean manualTimers;
    private final List<Pending> pending = new ArrayList<>();
    private final ObservableList<Job> running = FXCollections.observableArrayList();
    private int executed;

    public CurrentThreadTaskExecutor() {
        this(false);
    }

    private CurrentThreadTaskExecutor(boolean manualTimers) {
        this.manualTimers = manualTimers;
    }

    public static CurrentThreadTaskExecutor withManualTimers() {
        return new CurrentThreadTaskExecutor(true);
    }

    @Override
    public <T> Job execute(BackgroundTask<T> task) {
        executed++;
        Job job = new Job(task.title());
        boolean[] cancelled = {false};
        job.setCanceller(() -> cancelled[0] = true);
        Progress progress = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                job.progressWrapper().set(total <= 0 ? -1 : (double) done / total);
                job.messageWrapper().set(message == null ? "" : message);
            }

            @Override
            public boolean isCancelled() {
                return cancelled[0];
            }
        };
        T value;
        try {
            value = task.call(progress);
        } catch (Exception e) {
            job.finish();
            task.failed(e);
            return job;
        }
        job.finish();
        if (cancelled[0]) {
            task.cancelled();
        } else {
            task.succeeded(value);
        }
        return job;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        if (!manualTimers) {
            action.run();
            return () -> { };
        }
        Pending entry = new Pending(action);
        pending.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Runs the delayed actions that were not cancelled; returns how many ran. */
    public int runTimers() {
        List<Pending> due = new ArrayList<>(pending);
        pending.clear();
        int ran = 0;
        for (Pending entry : due) {
            if (!entry.cancelled) {
                entry.action.run();
                ran++;
            }
        }
        return ran;
    }

    /** How many tasks were executed so far. */
    public int executedCount() {
        return executed;
    }

    @Override
    public ObservableList<Job> runningJobs() {
        return running;
    }

    @Override
    public void shutdown() {
        pending.clear();
    }

    private static final class Pending {
        private final Runnable action;
        private boolean cancelled;

        private Pending(Runnable action) {
            this.action = action;
        }
    }
}
