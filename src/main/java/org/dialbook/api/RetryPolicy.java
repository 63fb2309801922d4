package org.dialbook.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before retrying 429, 5xx and connection failures. Waits follow
 * "full jitter" exponential backoff: a uniform random wait in {@code [0, min(cap, base * 2^n))},
 * so many clients throttled together do not retry in lock step. A server's {@code Retry-After}
 * replaces the computed wait, but is capped too, so a hostile or buggy header cannot stall us.
 */
public final class RetryPolicy {
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final int maxAttempts;
    private final DoubleSupplier random;

    private RetryPolicy(Duration baseDelay, Duration maxDelay, int maxAttempts, DoubleSupplier random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.maxAttempts = maxAttempts;
        this.random = Objects.requireNonNull(random, "random");
    }

    /** docs/CONTRACT.md: 1 s base, 60 s cap, 5 tries in all. */
    public static RetryPolicy defaults() {
        return of(Duration.ofSeconds(1), Duration.ofSeconds(60), 5);
    }

    /** One try, no retries. */
    public static RetryPolicy none() {
        return of(Duration.ZERO, Duration.ZERO, 1);
    }

    /** @param maxAttempts tries in all, including the first */
    public static RetryPolicy of(Duration baseDelay, Duration maxDelay, int maxAttempts) {
        return new RetryPolicy(baseDelay, maxDelay, maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The same policy drawing its jitter from {@code random} (values in [0, 1)); for tests. */
    public RetryPolicy withRandom(DoubleSupplier newRandom) {
        return new RetryPolicy(baseDelay, maxDelay, maxAttempts, newRandom);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration baseDelay() {
        return baseDelay;
    }

    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * The wait before the next try.
     *
     * @param failedAttempts tries made so far (1 after the first failure)
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public Duration delayBeforeRetry(int failedAttempts, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        double ceilingMillis = Math.min((double) maxDelay.toMillis(), baseDelay.toMillis() * Math.pow(2, exponent));
        return Duration.ofMillis((long) (random.getAsDouble() * ceilingMillis));
    }

    @Override
    public String toString() {
        return "RetryPolicy[base=" + baseDelay + ", cap=" + maxDelay + ", maxAttempts=" + maxAttempts + "]";
    }
}
