package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The optional client-side cap, driven by a fake clock that the sleeper advances. */
class RateLimiterTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    @Test
    void offByDefaultNeverWaits() throws InterruptedException {
        TestClock time = TestClock.fixed();
        RateLimiter limiter = new RateLimiter(0, time, time::sleep);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theNextRequestWaitsUntilTheOldestLeavesTheMinute() throws InterruptedException {
        TestClock time = TestClock.fixed();
        RateLimiter limiter = new RateLimiter(3, time, time::sleep);
        limiter.acquire();
        time.advance(Duration.ofSeconds(10));
        limiter.acquire();
        limiter.acquire();
        assertThat(time.sleeps()).isEmpty();

        limiter.acquire();

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(50));
        limiter.acquire();
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(50), Duration.ofSeconds(10));
    }

    @Test
    void theClientAppliesTheCapToEveryRequest() {
        TestClock time = TestClock.fixed();
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
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
    }
}
