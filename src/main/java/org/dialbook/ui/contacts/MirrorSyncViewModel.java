package org.dialbook.ui.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.ListSync;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.TaskExecutor;

/**
 * Keeps the mirror up to date in the background while the window is open: a sync at once, then
 * every few minutes, and after a failure with growing pauses. Its status is the status bar's
 * "Synced 2 min ago"; while the first full sync runs it is a job with progress ("Indexing your
 * contacts: 45,000 of 100,000, about 9 min left") that the user can cancel and that resumes later.
 */
public final class MirrorSyncViewModel {
    static final Duration INTERVAL = Duration.ofMinutes(5);
    static final Duration TICK = Duration.ofMinutes(1);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    private final Mirror mirror;
    private final MirrorSync sync;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Runnable onSynced = () -> { };
    /** The lists' sync, run after the contacts' in the same task; null without lists. */
    private ListSync listSync;
    private Job job;
    private Cancellable next = () -> { };
    private Cancellable ticker = () -> { };
    private Duration retry = FIRST_RETRY;
    private Instant lastSynced;
    private boolean stopped;
    /** Why the last sync failed, shown until one succeeds; null when it did. */
    private String failure;

    public MirrorSyncViewModel(Mirror mirror, ContactPages pages, ReadGate gate, TaskExecutor executor, Clock clock) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.sync = new MirrorSync(mirror, pages, gate, clock);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Syncs the account's lists and their members after each contacts' sync, in the same background task. */
    public void setListSync(ListSync value) {
        this.listSync = value;
    }

    /** Also runs {@code action} after each sync that finished, after what {@link #setOnSynced} set. */
    public void alsoOnSynced(Runnable action) {
        Objects.requireNonNull(action, "action");
        Runnable before = onSynced;
        onSynced = () -> {
            before.run();
            action.run();
        };
    }

    /** Called on the UI thread after each sync that finished, e.g. to refresh a search. */
    public void setOnSynced(Runnable action) {
        this.onSynced = Objects.requireNonNull(action, "action");
    }

    /** Starts syncing: now, then every {@link #INTERVAL}. */
    public void start() {
        BackgroundTask.quiet(progress -> mirror.status())
                .onSuccess(known -> {
                    lastSynced = known.lastSynced();
                    showAge();
                    syncNow();
                })
                .onFailure(error -> status.set("Mirror unavailable: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** Runs a sync unless one is running (Retry, F5, or the timer). */
    public void syncNow() {
        if (job != null || stopped) {
            return;
        }
        next.cancel();
        boolean first = lastSynced == null;
        if (first) {
            status.set("Indexing your contacts…");
        }
        BackgroundTask<MirrorSync.Result> task = first
                ? BackgroundTask.titled("Indexing your contacts", progress -> withLists(sync.run(
                        MirrorSync.Mode.INCREMENTAL, p -> progress.update(p.done(), p.total(), p.describe()),
                        progress::isCancelled), progress::isCancelled))
                : BackgroundTask.quiet(progress -> withLists(sync.run(MirrorSync.Mode.INCREMENTAL, p -> { },
                        progress::isCancelled), progress::isCancelled));
        job = task.onSuccess(result -> {
            job = null;
            if (!result.cancelled()) {
                lastSynced = clock.instant();
                retry = FIRST_RETRY;
                failure = null;
            }
            showAge();
            onSynced.run();
            later(INTERVAL);
        }).onFailure(error -> {
            job = null;
            failure = ErrorMessages.describe(error);
            showAge();
            later(retry);
            retry = retry.multipliedBy(2).compareTo(INTERVAL) > 0 ? INTERVAL : retry.multipliedBy(2);
        }).onCancelled(() -> {
            job = null;
            showAge();
        }).executeWith(executor);
    }

    /** Runs the lists' sync after a contacts' sync that was not cancelled (background thread). */
    private MirrorSync.Result withLists(MirrorSync.Result result, BooleanSupplier cancelled) {
        ListSync lists = listSync;
        if (lists == null || result.cancelled()) {
            return result;
        }
        ListSync.Result listed = lists.run(false, cancelled);
        return listed.cancelled() ? new MirrorSync.Result(result.reads() + listed.reads(), result.mirrored(),
                result.serverTotal(), result.deleted(), result.complete(), true) : result;
    }

    /** Stops the timers and any running sync (it resumes next time). */
    public void stop() {
        stopped = true;
        next.cancel();
        ticker.cancel();
        if (job != null) {
            job.cancel();
        }
    }

    private void later(Duration delay) {
        if (!stopped) {
            next = executor.schedule(delay, this::syncNow);
        }
    }

    private void showAge() {
        status.set(failure != null ? "Not synced: " + failure : describeAge(lastSynced, clock.instant()));
        ticker.cancel();
        if (!stopped && lastSynced != null) {
            ticker = executor.schedule(TICK, this::showAge);
        }
    }

    /** "Synced just now", "Synced 2 min ago", "Synced 3 h ago", or "Not synced yet". */
    static String describeAge(Instant synced, Instant now) {
        if (synced == null) {
            return "Not synced yet";
        }
        long minutes = Duration.between(synced, now).toMinutes();
        if (minutes < 1) {
            return "Synced just now";
        }
        if (minutes < 60) {
            return "Synced " + minutes + " min ago";
        }
        long hours = minutes / 60;
        return hours < 48 ? "Synced " + hours + " h ago" : "Synced " + hours / 24 + " days ago";
    }

    /** When the mirror was last synced, as known on the UI thread; null before the first sync. */
    public Instant lastSynced() {
        return lastSynced;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
