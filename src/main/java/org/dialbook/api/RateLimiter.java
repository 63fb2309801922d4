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
     * Holds further requests until {@code until}: the server's {@code X-RateLimit-*} headers said the
     * budget is spent, so waiting now avoids a 429 later.
     */
    synchronized void holdUntil(Instant until) {
        if (heldUntil == null || until.isAfter(heldUntil)) {
            heldUntil = until;
        }
    }

    /** Blocks until one more request fits in the window, then records it. */
    synchronized void acquire() throws InterruptedException {
        Instant now = clock.instant();
        if (heldUntil != null) {
            Instant until = heldUntil;
            heldUntil = null;
            if (until.isAfter(now)) {
                Duration wait = Duration.between(now, until);
                onWait.accept(wait);
                sleeper.sleep(wait);
                Instant after = clock.instant();
                now = after.isAfter(until) ? after : until;
            }
        }
        if (maxPerMinute == 0) {
            return;
        }
        while (true) {
            while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
                sent.removeFirst();
            }
            if (sent.size() < maxPerMinute) {
                break;
            }
            Instant due = sent.peekFirst().plus(window);
            onWait.accept(Duration.between(now, due));
            sleeper.sleep(Duration.between(now, due));
            // Trust the sleep even if the clock lags behind it, so a coarse clock cannot spin here.
            Instant after = clock.instant();
            now = after.isAfter(due) ? after : due;
        }
        sent.addLast(now);
    }
}
