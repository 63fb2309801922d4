package org.dialbook.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock shared by the client, the sandbox and the import: it ticks a millisecond on every read so
 * timestamps still increase, and the client's sleeper advances it instead of waiting.
 */
final class TestClock extends Clock {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    void sleep(Duration duration) {
        millis.addAndGet(Math.max(1, duration.toMillis()));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return millis.incrementAndGet();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
