package org.dialbook.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A hand-moved clock for tests in other packages. */
public final class HandClocks {
    private HandClocks() {
    }

    public static Time time() {
        return new Time();
    }

    /** Moves only when told. */
    public static final class Time extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        public void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
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
}
