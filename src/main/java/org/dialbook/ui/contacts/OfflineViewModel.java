package org.dialbook.ui.contacts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The banner while the server cannot be reached and the table shows the mirror: "Offline: showing
 * contacts as of 14:02. Edits are disabled". Tries to reconnect on its own, waiting longer after
 * each failure (5 s doubling to a minute), and at once on {@link #retry()}.
 */
public final class OfflineViewModel {
    static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofMinutes(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final PageLoader pages;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Supplier<Instant> lastSynced;
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper(this, "banner", "");
    private Duration wait = FIRST_WAIT;
    private Cancellable pending = () -> { };

    /** @param lastSynced when the mirror was last synced (read on the UI thread from a cached value) */
    public OfflineViewModel(PageLoader pages, TaskExecutor executor, Clock clock, Supplier<Instant> lastSynced) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lastSynced = Objects.requireNonNull(lastSynced, "lastSynced");
        pages.offlineProperty().addListener((obs, was, now) -> changed(now));
        pages.loadingProperty().addListener((obs, was, now) -> {
            if (!now && pages.offlineProperty().get()) {
                // Still offline after a reconnection attempt: try again later.
                scheduleRetry();
            }
        });
    }

    private void changed(boolean offline) {
        if (!offline) {
            pending.cancel();
            wait = FIRST_WAIT;
            banner.set("");
            return;
        }
        banner.set("Offline: showing contacts as of " + asOf() + ". Edits are disabled");
    }

    private void scheduleRetry() {
        pending.cancel();
        Duration delay = wait;
        wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
        pending = executor.schedule(delay, pages::refresh);
    }

    /** Retry now (the banner's button). */
    public void retry() {
        pending.cancel();
        pages.refresh();
    }

    public void stop() {
        pending.cancel();
    }

    private String asOf() {
        Instant synced = lastSynced.get();
        if (synced == null) {
            return "the last sync";
        }
        LocalDateTime then = LocalDateTime.ofInstant(synced, clock.getZone());
        LocalDateTime now = LocalDateTime.now(clock);
        return then.toLocalDate().equals(now.toLocalDate()) ? then.format(TIME) : then.format(DAY_TIME);
    }

    public boolean isOffline() {
        return pages.offlineProperty().get();
    }

    /** Empty while online. */
    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }
}
