package org.dialbook.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * The optional client-side cap on requests per minute: a sliding window of the last {@code max}
 * send times. Exotel throttles per account (about 30 writes and 300 reads a minute), so staying
 * under a cap avoids burning retries on 429s during large jobs.
 */
final class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int maxPerMinute;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ArrayDeque<Instant> sent = new ArrayDeque<>();

    /** @param maxPerMinute 0 turns the cap off */
    RateLimiter(int maxPerMinute, Clock clock, Sleeper sleeper) {
        if (maxPerMinute < 0) {
            throw new IllegalArgumentException("maxRequestsPerMinute must be >= 0, got " + maxPerMinute);
        }
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until one more request fits in the window, then records it. */
    synchronized void acquire() throws InterruptedException {
        if (maxPerMinute == 0) {
            return;
        }
        Instant now = clock.instant();
        while (true) {
            while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
                sent.removeFirst();
            }
            if (sent.size() < maxPerMinute) {
                break;
            }
            Instant due = sent.peekFirst().plus(WINDOW);
            sleeper.sleep(Duration.between(now, due));
            // Trust the sleep even if the clock lags behind it, so a coarse clock cannot spin here.
            Instant after = clock.instant();
            now = after.isAfter(due) ? after : due;
        }
        sent.addLast(now);
    }
}
