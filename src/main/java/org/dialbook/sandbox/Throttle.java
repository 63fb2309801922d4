package org.dialbook.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A sliding 60-second window of request times per account. */
final class Throttle {
    private static final long WINDOW_MILLIS = 60_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> windows = new HashMap<>();

    Throttle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Records a request and returns 0 when {@code account} is within {@code perMinute}; otherwise
     * records nothing and returns the whole seconds until a slot frees up (at least 1).
     */
    /**
     * One request against a per-minute budget, with what Exotel's {@code X-RateLimit-*} headers say.
     *
     * @param retryAfterSeconds 0 when admitted, else whole seconds until a slot frees up
     * @param remaining requests left in the window after this one
     * @param resetSeconds whole seconds until the oldest request leaves the window (a slot frees up)
     */
    record Decision(long retryAfterSeconds, int limit, int remaining, long resetSeconds) {
    }

    /** Like {@link #admit}, for Exotel's published budgets, and says what is left. */
    synchronized Decision decide(String key, int perMinute) {
        long wait = admit(key, perMinute);
        Deque<Long> window = windows.get(key);
        long now = clock.millis();
        long reset = window.isEmpty() ? 0 : Math.max(0, (window.peekFirst() + WINDOW_MILLIS - now + 999) / 1000);
        return new Decision(wait, perMinute, Math.max(0, perMinute - window.size()), reset);
    }

    /** The time by the throttle's clock, for logging requests on the same clock as the windows. */
    long now() {
        return clock.millis();
    }

    synchronized long admit(String account, int perMinute) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = clock.millis();
        Deque<Long> window = windows.computeIfAbsent(account, a -> new ArrayDeque<>());
        while (!window.isEmpty() && window.peekFirst() <= now - WINDOW_MILLIS) {
            window.pollFirst();
        }
        if (window.size() < perMinute) {
            window.addLast(now);
            return 0;
        }
        long waitMillis = window.peekFirst() + WINDOW_MILLIS - now;
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}
