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
