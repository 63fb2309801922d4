package org.dialbook.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When to try a request again and how long to wait first. The {@link RetryPolicy} covers the normal
 * retries; past them an outage (nothing reaches the server, or it answers 5xx again and again) is
 * waited out with a slower backoff for up to the outage patience, so a long job pauses instead of
 * failing the rest of its rows. Every wait is told to the {@link WaitListener}s.
 */
final class Retries {
    private static final Logger LOG = LoggerFactory.getLogger(Retries.class);
    static final Duration OUTAGE_FIRST_WAIT = Duration.ofSeconds(5);
    static final Duration OUTAGE_MAX_WAIT = Duration.ofMinutes(2);
    static final Duration WAIT_SLICE = Duration.ofSeconds(5);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Duration outagePatience;
    private final List<WaitListener> listeners = new CopyOnWriteArrayList<>();
    /**
     * When the current outage began, for every call of this client: once it outlasts the patience,
     * later calls fail after their normal retries instead of each waiting the patience again.
     */
    private final AtomicReference<Instant> outageSince = new AtomicReference<>();

    Retries(RetryPolicy policy, Sleeper sleeper, Clock clock, Duration outagePatience) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.outagePatience = outagePatience;
    }

    WaitListener.Subscription listen(WaitListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void tell(WaitStatus status) {
        for (WaitListener listener : listeners) {
            listener.waiting(status);
        }
    }

    /** The client's outage patience, or a listening job's when that is longer. */
    Duration patience() {
        Duration longest = outagePatience;
        for (WaitListener listener : listeners) {
            if (listener.outagePatience().compareTo(longest) > 0) {
                longest = listener.outagePatience();
            }
        }
        return longest;
    }

    /** True when a listening job was cancelled, so waiting on is pointless. */
    /** True while a job listens: its waits are then sliced, so Cancel acts within seconds. */
    boolean listened() {
        return !listeners.isEmpty();
    }

    boolean cancelled() {
        for (WaitListener listener : listeners) {
            if (listener.cancelled()) {
                return true;
            }
        }
        return false;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    Run start() {
        return new Run();
    }

    /** The server answered (anything but 5xx): no outage now. */
    void serverAnswered() {
        outageSince.set(null);
    }

    /** The tries of one request. */
    final class Run {
        private int failures;

        /**
         * Counts a failed try and says whether another is allowed.
         *
         * @param outage true when nothing reached the server or it failed (5xx); false for 429 and
         *     item-level failures, which show the server is up
         */
        boolean mayRetry(boolean outage) {
            failures++;
            if (!outage) {
                serverAnswered();
            } else {
                outageSince.compareAndSet(null, clock.instant());
            }
            if (failures < policy.maxAttempts()) {
                return true;
            }
            Instant since = outageSince.get();
            Duration patience = patience();
            return outage && since != null && !patience.isZero()
                    && Duration.between(since, clock.instant()).compareTo(patience) < 0;
        }

        /**
         * Waits before the next try; the caller has just had {@link #mayRetry} say yes.
         *
         * @return false when a listening job was cancelled: give up without trying again
         */
        boolean pause(Duration retryAfter, String method, HttpUrl url, String reason) throws InterruptedException {
            Duration delay;
            WaitStatus status;
            if (failures < policy.maxAttempts()) {
                delay = policy.delayBeforeRetry(failures, retryAfter);
                status = new WaitStatus(WaitStatus.Kind.RETRY, clock.instant(), delay, reason);
                LOG.info("{} {}: {}; retry {} of {} in {} ms", method, url.encodedPath(), reason, failures,
                        policy.maxAttempts() - 1, delay.toMillis());
            } else {
                int step = Math.min(failures - policy.maxAttempts(), 10);
                Duration backoff = OUTAGE_FIRST_WAIT.multipliedBy(1L << step);
                delay = backoff.compareTo(OUTAGE_MAX_WAIT) > 0 ? OUTAGE_MAX_WAIT : backoff;
                Instant since = outageSince.get();
                status = new WaitStatus(WaitStatus.Kind.OUTAGE, since == null ? clock.instant() : since, delay, reason);
                LOG.warn("{} {}: {}; {} unreachable since {}; waiting {} s before trying again (gives up after {})",
                        method, url.encodedPath(), reason, url.host(), status.since(), delay.toSeconds(),
                        patience());
            }
            // Long waits go in slices, so the countdown stays current and Cancel acts within seconds.
            Duration left = delay;
            do {
                if (cancelled()) {
                    return false;
                }
                tell(new WaitStatus(status.kind(), status.since(), left, status.reason()));
                Duration slice = status.kind() == WaitStatus.Kind.OUTAGE && left.compareTo(WAIT_SLICE) > 0 ? WAIT_SLICE
                        : left;
                sleeper.sleep(slice);
                left = left.minus(slice);
            } while (!left.isZero() && !left.isNegative());
            return !cancelled();
        }
    }
}
