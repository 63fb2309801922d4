package org.dialbook.api;

import java.time.Duration;

/**
 * Waits between retries and under the rate cap. Injected so tests run instantly and can record
 * the waits; the default sleeps the calling thread.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the calling thread. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
