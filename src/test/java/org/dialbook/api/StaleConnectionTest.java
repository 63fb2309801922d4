package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.dialbook.testing.TestClock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A create after a wait, against servers that close connections the client still holds in its pool:
 * one that closes idle keep-alive connections, and one that answers over HTTP/1.0 and closes. The
 * request written onto such a connection never reached the server, so it is sent again on a new one.
 */
class StaleConnectionTest {
    private static final String NUMBER = "+919101234510";

    private final TestClock time = TestClock.fixed();
    private SandboxServer sandbox;
    private ContactsClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    // By hand: each test starts the sandbox with its own connection-closing options and the shared clock.
    private void start(UnaryOperator<SandboxOptions.Builder> options) {
        sandbox = SandboxServer.start(SandboxClocks.withClock(options.apply(SandboxOptions.builder().seed(3)), time)
                .build());
        // The wait moves the shared clock (so the throttle window passes at once) and then waits, on a
        // condition, for the server to close the connection the client keeps in its pool.
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.defaults())
                .clock(time).sleeper(duration -> {
                    time.sleep(duration);
                    assertThat(sandbox.awaitNoOpenConnections(Duration.ofSeconds(10))).isTrue();
                }).build();
    }

    /** One read fills the throttle's one slot 59 s before the create, which then gets 429 with Retry-After 1. */
    private void throttleTheNextRequestForOneSecond() {
        sandbox.faults().throttlePerMinute(1);
        client.listContacts(ListQuery.firstPage());
        time.advance(Duration.ofSeconds(59));
    }

    @Test
    void aCreateAfterA429SucceedsOnceWhenTheServerClosesIdleConnections() {
        start(b -> b.idleTimeout(Duration.ofMillis(200)));
        throttleTheNextRequestForOneSecond();

        BulkResult<Contact> result = client.createContacts(List.of(NewContact.of(NUMBER)));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(result.items()).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(ItemOutcome.Status.SUCCESS));
        assertThat(sandbox.idleConnectionsClosed()).isPositive();
        assertThat(sandbox.contactCount(sandbox.defaultAccount().accountSid())).isEqualTo(1);
    }

    @Test
    void aCreateAfterA429SucceedsOnceAgainstAnHttp10Server() {
        start(b -> b.http10(true));
        throttleTheNextRequestForOneSecond();

        BulkResult<Contact> result = client.createContacts(List.of(NewContact.of(NUMBER)));

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
        assertThat(result.items()).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(ItemOutcome.Status.SUCCESS));
        assertThat(sandbox.contactCount(sandbox.defaultAccount().accountSid())).isEqualTo(1);
    }

    @Test
    void anHttp10ServerTakesAWholeSequenceOfCalls() {
        start(b -> b.http10(true));
        for (int i = 0; i < 5; i++) {
            assertThat(client.createContacts(List.of(NewContact.of("+91910123452" + i))).successes()).hasSize(1);
        }
        assertThat(client.listContacts(ListQuery.firstPage()).total()).isEqualTo(5);
        // After the first HTTP/1.0 answer the client asks for "Connection: close", so it never writes onto a
        // connection the server closed: one connection per request, none wasted.
        assertThat(sandbox.requests()).hasSize(6);
    }
}
