package org.dialbook.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The one test clock: time moves only when a test (or a sleeper handed {@link #sleep}) moves it, so
 * waits are recorded instead of slept and no test calls {@code Thread.sleep}. {@link #ticking()}
 * also adds a millisecond at every read, for code that needs time to pass between two reads (ids,
 * progress rates). Thread-safe.
 */
public final class TestClock extends Clock {
    /** Where every test clock starts unless told otherwise. */
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final boolean tickOnRead;
    private final List<Duration> sleeps = new ArrayList<>();
    private long millis;

    private TestClock(Instant start, boolean tickOnRead) {
        this.millis = start.toEpochMilli();
        this.tickOnRead = tickOnRead;
    }

    /** A clock standing still at {@link #START}. */
    public static TestClock fixed() {
        return new TestClock(START, false);
    }

    /** A clock at {@link #START} that advances a millisecond at every read. */
    public static TestClock ticking() {
        return new TestClock(START, true);
    }

    /** Moves time on. */
    public synchronized void advance(Duration step) {
        millis += step.toMillis();
    }

    /** A sleeper's wait: recorded, then time moves on by it (at least a millisecond). */
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        millis += Math.max(1, duration.toMillis());
    }

    /** Every wait passed to {@link #sleep}, in order. */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** The sum of the waits passed to {@link #sleep}. */
    public synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public synchronized long millis() {
        return tickOnRead ? ++millis : millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
