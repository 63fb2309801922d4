package org.dialbook.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * The optional client-side cap on requests per minute: a sliding window of the last {@code max}
 * send times. Exotel throttles per account (about 30 writes and 300 reads a minute), so staying
 * under a cap avoids burning retries on 429s during large jobs.
 */
final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int maxPerMinute;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();
    private Consumer<Duration> onWait = wait -> { };
    /** The job listening to the waits, if any: it may cancel one. Null: nobody can. */
    private Retries jobs;
    /** The server said the budget is spent ({@code X-RateLimit-Remaining: 0}) until then; null when not. */
    private Instant heldUntil;

    /** @param maxPerMinute 0 turns the cap off */
    RateLimiter(int maxPerMinute, Clock clock, Sleeper sleeper) {
        this(maxPerMinute, Duration.ZERO, clock, sleeper);
    }

    /**
     * @param margin added to the minute, so the server (whose clock and arrival times differ a little
     *     from ours) never counts one request too many in its window
     */
    RateLimiter(int maxPerMinute, Duration margin, Clock clock, Sleeper sleeper) {
        this.window = WINDOW.plus(margin);
        if (maxPerMinute < 0) {
            throw new IllegalArgumentException("maxRequestsPerMinute must be >= 0, got " + maxPerMinute);
        }
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Told each wait before it starts, so long jobs can show "waiting for Exotel's rate limit". */
    synchronized RateLimiter onWait(Consumer<Duration> listener) {
        this.onWait = listener;
        return this;
    }

    /**
     * As {@link #onWait(Consumer)}; while a job listens to {@code jobs}, a wait goes in slices of a few
     * seconds, telling the time left before each, and ends as soon as the job is cancelled.
     */
    synchronized RateLimiter onWait(Consumer<Duration> listener, Retries jobs) {
        this.onWait = listener;
        this.jobs = jobs;
        return this;
    }

    /**
     * Holds further requests until {@code until}: the server's {@code X-RateLimit-*} headers said the
     * budget is spent, so waiting now avoids a 429 later.
     */
    synchronized void holdUntil(Instant until) {
        if (heldUntil == null || until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    /**
     * Blocks until one more request fits in the window, then records it.
     *
     * @return false when a listening job was cancelled during the wait: nothing was recorded or sent
     */
    synchronized boolean acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (heldUntil != null) {
            Instant until = heldUntil;
            heldUntil = null;
            if (until.isAfter(now)) {
                if (!await(Duration.between(now, until))) {
                    return false;
                }
                Instant after = clock.instant();
                now = after.isAfter(until) ? after : until;
            }
        }
        if (maxPerMinute == 0) {
            return true;
        }
        while (true) {
            while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
                sent.removeFirst();
            }
            if (sent.size() < maxPerMinute) {
                break;
            }
            Instant due = sent.peekFirst().plus(window);
            if (!await(Duration.between(now, due))) {
                return false;
            }
            // Trust the sleep even if the clock lags behind it, so a coarse clock cannot spin here.
            Instant after = clock.instant();
            now = after.isAfter(due) ? after : due;
        }
        sent.addLast(now);
        return true;
    }

    /** Sleeps {@code wait}, in slices while a job listens; false when that job was cancelled. */
    private boolean await(Duration wait) throws InterruptedException {
        if (jobs == null || !jobs.listened()) {
            onWait.accept(wait);
            sleeper.sleep(wait);
            return true;
        }
        Duration left = wait;
        while (left.compareTo(Duration.ZERO) > 0) {
            if (jobs.cancelled()) {
                return false;
            }
            onWait.accept(left);
            Duration slice = left.compareTo(Retries.WAIT_SLICE) > 0 ? Retries.WAIT_SLICE : left;
            sleeper.sleep(slice);
            left = left.minus(slice);
        }
        return !jobs.cancelled();
    }
}
