package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dialbook.testing.TestClock;
import java.util.List;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxRequest;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sandbox's model of Exotel's published limits, and the client reading its headers and bodies. */
class ExotelLimitsSandboxTest {
    private final TestClock time = TestClock.fixed();
    private SandboxServer sandbox;
    private ContactsClient client;

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    // By hand: each test picks the 429 style (REST exception or envelope) when it starts the sandbox.
    private void start(boolean restException) {
        sandbox = SandboxServer.start(SandboxClocks.withClock(SandboxOptions.builder().inMemory().exotelLimits(true)
                .restException429(restException), time).build());
        // No client-side budget: only the server's X-RateLimit-* headers can slow it down.
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.defaults())
                .writesPerMinute(0).readsPerMinute(0).sleeper(time::sleep).clock(time).build();
    }

    @Test
    void theRemainingAndResetHeadersHoldTheNextWriteInsteadOfDrawingA429() {
        start(false);
        for (int i = 0; i < 31; i++) {
            time.advance(Duration.ofMillis(100));
            assertThat(client.createContacts(List.of(NewContact.of(String.format("+9191012%05d", i)))).successes())
                    .hasSize(1);
        }

        assertThat(sandbox.requests()).extracting(SandboxRequest::status).doesNotContain(429).hasSize(31);
        // The 30th answer said none remain; the 31st waited for the reset, about a minute after the first.
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
    }

    @Test
    void readsHaveTheirOwnBudget() {
        start(false);
        for (int i = 0; i < 30; i++) {
            client.createContacts(List.of(NewContact.of(String.format("+9191012%05d", i))));
        }
        // The writes are spent, but reads go straight through.
        assertThat(client.listContacts(ListQuery.firstPage()).total()).isEqualTo(30);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aRestException429BodyIsRetriedAfterItsRetryAfter() {
        start(true);
        sandbox.faults().throttlePerMinute(1);
        client.listContacts(ListQuery.firstPage());
        time.advance(Duration.ofSeconds(58));

        Contact created = client.createContacts(List.of(NewContact.of("+919101234510"))).successes().get(0).value();

        assertThat(created.number()).isEqualTo("+919101234510");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(sandbox.requests()).extracting(SandboxRequest::status).containsExactly(200, 429, 207);
    }
}
