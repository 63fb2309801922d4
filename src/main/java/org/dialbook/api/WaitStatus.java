package org.dialbook.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Why the client is waiting instead of sending, and for how long: what a long job shows instead of a
 * frozen bar, and what a script's log prints while nothing moves.
 *
 * @param since when the outage began (OUTAGE), or when this wait began (others)
 * @param nextTryIn how long until the next try
 * @param reason what was answered or what failed, for RETRY
 */
public record WaitStatus(Kind kind, Instant since, Duration nextTryIn, String reason) {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    /** What the client is waiting for. */
    public enum Kind {
        /** A 429 or a failure; the normal retries with backoff. */
        RETRY,
        /** Staying under the account's published request budget. */
        RATE_LIMIT,
        /** The server is unreachable or keeps failing; the job is paused until it comes back. */
        OUTAGE
    }

    public WaitStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(nextTryIn, "nextTryIn");
    }

    /** For example "Exotel unreachable since 14:02; trying again in 40 s". */
    public String describe(ZoneId zone) {
        String in = seconds(nextTryIn);
        return switch (kind) {
            case OUTAGE -> "Exotel unreachable since " + CLOCK.format(since.atZone(zone)) + "; trying again in " + in
                    + (reason == null ? "" : " (" + reason + ")");
            case RATE_LIMIT -> "Waiting for Exotel's rate limit; sending again in " + in;
            case RETRY -> "Retrying in " + in + (reason == null ? "" : " after " + reason);
        };
    }

    private static String seconds(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        return millis < 1000 && millis > 0 ? "1 s" : (millis + 999) / 1000 + " s";
    }
}
