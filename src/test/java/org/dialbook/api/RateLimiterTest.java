package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The optional client-side cap, driven by a fake clock that the sleeper advances. */
class RateLimiterTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    /** A clock that moves only when something sleeps. */
    static final class FakeTime extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void offByDefaultNeverWaits() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(0, time, time::sleep);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void theNextRequestWaitsUntilTheOldestLeavesTheMinute() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(3, time, time::sleep);
        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();
        assertThat(time.sleeps).isEmpty();

        limiter.acquire();

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(50));
        limiter.acquire();
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(10));
    }

    @Test
    void theClientAppliesTheCapToEveryRequest() {
        FakeTime time = new FakeTime();
        for (int i = 0; i < 4; i++) {
            server.enqueue(WireFixtures.json(200, WireFixtures.seed("get-200.json")));
        }
        try (ContactsClient client = ContactsClient.builder(WireFixtures.settings(server))
                .maxRequestsPerMinute(2).sleeper(time::sleep).clock(time).build()) {
            for (int i = 0; i < 4; i++) {
                client.getContact("83ba26b7f11c4e75b4043c8b33ceba49");
            }
        }
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(60));
    }
}
