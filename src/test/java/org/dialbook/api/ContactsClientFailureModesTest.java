package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.json;
import static org.dialbook.api.WireFixtures.seed;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection failures, timeouts and cancellation: what is retried, what is unknown, what is kept. */
class ContactsClientFailureModesTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();

    @AfterEach
    void clearInterrupt() {
        // A cancellation test leaves the flag set on purpose; don't leak it into the next test.
        Thread.interrupted();
    }

    private static ConnectionSettings deadServer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return ConnectionSettings.forBaseUrl("http://127.0.0.1:" + port, WireFixtures.ACCOUNT, WireFixtures.KEY,
                WireFixtures.TOKEN);
    }

    private static List<NewContact> numbered(int count) {
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(NewContact.of("+91910123451" + i));
        }
        return contacts;
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        try (ContactsClient client = ContactsClient.builder(deadServer()).sleeper(sleeps::add).build()) {
            assertThatThrownBy(() -> client.getContact("x"))
                    .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
        }
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void aBulkCreateThatNeverConnectedFailsItsItemsAsNotSent() throws IOException {
        try (ContactsClient client = ContactsClient.builder(deadServer()).sleeper(sleeps::add).build()) {
            BulkResult<Contact> result = client.createContacts(numbered(2));
            assertThat(result.failures()).hasSize(2).allSatisfy(f -> {
                assertThat(f.httpCode()).isZero();
                assertThat(f.error().message()).startsWith("Could not reach 127.0.0.1:").endsWith("nothing was sent");
            });
        }
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void aCreateThatTimesOutAfterSendingIsUnknownAndNotReplayed() {
        server.enqueue(new MockResponse.Builder().code(207).body(seed("create-207.json"))
                .headersDelay(5, TimeUnit.SECONDS).build());
        try (ContactsClient client = ContactsClient.builder(WireFixtures.settings(server))
                .readTimeout(Duration.ofMillis(300)).sleeper(sleeps::add).build()) {
            BulkResult<Contact> result = client.createContacts(numbered(2));

            assertThat(result.unknowns()).hasSize(2);
            assertThat(result.unknowns().get(0).error().message()).contains("SocketTimeoutException",
                    "the server may have acted on it");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void cancellingDuringABulkKeepsWhatWasDoneAndSendsNoMore() {
        server.enqueue(json(207, seed("create-207.json")));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "5").build());
        Sleeper cancelled = duration -> {
            throw new InterruptedException("cancelled");
        };
        List<NewContact> contacts = new ArrayList<>(List.of(NewContact.of("+919101234511"),
                NewContact.of("+919101234510")));
        contacts.addAll(numbered(4));
        BulkResult<Contact> result;
        try (ContactsClient client = ContactsClient.builder(WireFixtures.settings(server)).maxBatchSize(2)
                .sleeper(cancelled).build()) {
            result = client.createContacts(contacts);
        }

        assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(result.items()).extracting(ItemOutcome::status).containsExactly(ItemOutcome.Status.SUCCESS,
                ItemOutcome.Status.SUCCESS, ItemOutcome.Status.FAILURE, ItemOutcome.Status.FAILURE,
                ItemOutcome.Status.FAILURE, ItemOutcome.Status.FAILURE);
        assertThat(result.items().get(2).error().message()).isEqualTo("Cancelled before retrying (HTTP 429); not applied");
        assertThat(result.items().get(5).error().message()).isEqualTo("Cancelled before retrying (HTTP 429); not applied");
    }

    @Test
    void aSingleCallDoesNotRetryWhenCancelled() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        Sleeper cancelled = duration -> {
            throw new InterruptedException("cancelled");
        };
        try (ContactsClient client = ContactsClient.builder(WireFixtures.settings(server)).sleeper(cancelled).build()) {
            assertThatThrownBy(() -> client.getContact("x"))
                    .isInstanceOf(TransportException.class)
                    .hasMessage("Interrupted while waiting to retry");
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
