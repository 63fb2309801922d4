package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.errorEnvelope;
import static org.dialbook.api.WireFixtures.json;
import static org.dialbook.api.WireFixtures.numbers;
import static org.dialbook.api.WireFixtures.seed;
import static org.dialbook.api.WireFixtures.sentContacts;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.dialbook.contact.ContactField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry rules of docs/CONTRACT.md, with the waits recorded instead of slept. */
class ContactsClientRetryTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private ContactsClient client;

    @BeforeEach
    void setUp() {
        // Jitter fixed at one half, so the full-jitter waits are predictable: 500 ms, 1 s, 2 s, ...
        client = WireFixtures.client(server, RetryPolicy.defaults().withRandom(() -> 0.5), sleeps);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static MockResponse lostAfterSending() {
        return new MockResponse.Builder().code(200).onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    @Test
    void throttledCallWaitsForRetryAfterThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7")
                .body(errorEnvelope("GET", 429, null, "Too Many Requests", "slow down")).build());
        server.enqueue(json(200, seed("get-200.json")));

        Contact contact = client.getContact("83ba26b7f11c4e75b4043c8b33ceba49");

        assertThat(contact.sid()).isEqualTo("83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void retryAfterIsCappedAtTheMaximumDelay() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "86400").build());
        server.enqueue(json(200, seed("get-200.json")));

        client.getContact("83ba26b7f11c4e75b4043c8b33ceba49");

        assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void serverFaultTwiceThenSuccessBacksOffExponentially() {
        server.enqueue(json(503, errorEnvelope("PUT", 503, null, "Service Unavailable", "try later")));
        server.enqueue(new MockResponse.Builder().code(503).body("<html>busy</html>").build());
        server.enqueue(json(200, seed("update-200.json")));

        Contact updated = client.updateContact("83ba26b7f11c4e75b4043c8b33ceba49",
                ContactPatch.empty().with(ContactField.FIRST_NAME, "captain2.0"));

        assertThat(updated.firstName()).isEqualTo("captain2.0");
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void giveUpAfterFiveTriesWithTheLastError() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(503, errorEnvelope("GET", 503, null, "Service Unavailable", "down")));
        }

        assertThatThrownBy(() -> client.getContact("x")).isInstanceOf(ServerFaultException.class);
        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void fullJitterStaysUnderTheCap() {
        RetryPolicy policy = RetryPolicy.defaults().withRandom(() -> 0.999);
        assertThat(policy.delayBeforeRetry(1, null)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.delayBeforeRetry(4, null)).isEqualTo(Duration.ofMillis(7992));
        assertThat(policy.delayBeforeRetry(40, null)).isEqualTo(Duration.ofMillis(59940));
        assertThat(RetryPolicy.defaults().withRandom(() -> 0.0).delayBeforeRetry(3, null)).isZero();
    }

    @Test
    void badRequestIsNeverRetried() {
        server.enqueue(json(400, errorEnvelope("PUT", 400, 1002, "Bad Request", "invalid number")));

        assertThatThrownBy(() -> client.updateContact("x", ContactPatch.empty().with(ContactField.NUMBER, "12")))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void clientErrorsAreNeverRetried() {
        int[][] cases = {{401, 1010}, {403, 1003}, {404, 1000}, {409, 1008}};
        for (int[] c : cases) {
            server.enqueue(json(c[0], errorEnvelope("GET", c[0], c[1], "No", "no")));
        }
        for (int i = 0; i < cases.length; i++) {
            assertThatThrownBy(() -> client.getContact("x")).isInstanceOf(ApiException.class);
        }
        assertThat(server.getRequestCount()).isEqualTo(cases.length);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void bulkRetriesOnlyTheItemsThatWereThrottled() throws Exception {
        JsonArray first = new JsonArray();
        first.add(WireFixtures.successItem(WireFixtures.contactData(WireFixtures.sidFor("+919100000000"), "+919100000000")));
        first.add(WireFixtures.failureItem(429, null, "Too Many Requests"));
        first.add(WireFixtures.failureItem(400, 1002, "Invalid number"));
        first.add(WireFixtures.failureItem(429, null, "Too Many Requests"));
        first.add(WireFixtures.successItem(WireFixtures.contactData(WireFixtures.sidFor("+919100000004"), "+919100000004")));
        server.enqueue(new MockResponse.Builder().code(207).addHeader("Retry-After", "3")
                .body(WireFixtures.envelope("POST", 207, null, first).toString()).build());
        JsonArray second = new JsonArray();
        second.add(WireFixtures.successItem(WireFixtures.contactData(WireFixtures.sidFor("+919100000001"), "+919100000001")));
        second.add(WireFixtures.successItem(WireFixtures.contactData(WireFixtures.sidFor("+919100000003"), "+919100000003")));
        server.enqueue(json(207, WireFixtures.envelope("POST", 207, null, second).toString()));
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(NewContact.of("+91910000000" + i));
        }

        BulkResult<Contact> result = client.createContacts(contacts);

        assertThat(numbers(sentContacts(server.takeRequest()))).hasSize(5);
        assertThat(numbers(sentContacts(server.takeRequest()))).containsExactly("+919100000001", "+919100000003");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(result.items()).extracting(ItemOutcome::status).containsExactly(ItemOutcome.Status.SUCCESS,
                ItemOutcome.Status.SUCCESS, ItemOutcome.Status.FAILURE, ItemOutcome.Status.SUCCESS,
                ItemOutcome.Status.SUCCESS);
        assertThat(result.items()).extracting(o -> o.value() == null ? null : o.value().number())
                .containsExactly("+919100000000", "+919100000001", null, "+919100000003", "+919100000004");
        assertThat(result.items().get(2).error().code()).isEqualTo(1002);
    }

    @Test
    void bulkItemsStillThrottledAfterTheLastTryAreFailures() {
        for (int i = 0; i < 5; i++) {
            JsonArray items = new JsonArray();
            items.add(WireFixtures.failureItem(429, null, "Too Many Requests"));
            server.enqueue(json(207, WireFixtures.envelope("POST", 207, null, items).toString()));
        }

        BulkResult<Contact> result = client.createContacts(List.of(NewContact.of("+919100000000")));

        assertThat(server.getRequestCount()).isEqualTo(5);
        assertThat(result.failures()).singleElement().satisfies(f -> assertThat(f.httpCode()).isEqualTo(429));
    }

    @Test
    void aWholeBulkRequestThrottledIsResentWhole() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(WireFixtures.json(207, seed("create-207.json")));

        BulkResult<Contact> result = client.createContacts(
                List.of(NewContact.of("+919101234511"), NewContact.of("+919101234510")));

        assertThat(result.allSucceeded()).isTrue();
        server.takeRequest();
        assertThat(numbers(sentContacts(server.takeRequest()))).containsExactly("+919101234511", "+919101234510");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsUnknownAndNeverReplayed() throws Exception {
        server.enqueue(lostAfterSending());
        server.enqueue(json(207, seed("create-207.json")));

        BulkResult<Contact> result = client.createContacts(
                List.of(NewContact.of("+919101234511"), NewContact.of("+919101234510")));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(numbers(sentContacts(server.takeRequest()))).hasSize(2);
        assertThat(result.unknowns()).hasSize(2);
        assertThat(result.items()).extracting(ItemOutcome::index).containsExactly(0, 1);
        assertThat(result.unknowns().get(0).error().message()).contains("was lost after the request was sent");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void onlyTheChunkInFlightBecomesUnknown() {
        ContactsClient small = ContactsClient.builder(WireFixtures.settings(server))
                .retryPolicy(RetryPolicy.defaults()).sleeper(sleeps::add).maxBatchSize(2).build();
        server.enqueue(json(207, seed("create-207.json")));
        server.enqueue(lostAfterSending());

        BulkResult<Contact> result = small.createContacts(List.of(NewContact.of("+919101234511"),
                NewContact.of("+919101234510"), NewContact.of("+919100000002")));

        assertThat(result.items()).extracting(ItemOutcome::status).containsExactly(ItemOutcome.Status.SUCCESS,
                ItemOutcome.Status.SUCCESS, ItemOutcome.Status.UNKNOWN);
        small.close();
    }

    @Test
    void idempotentCallsAreRetriedAfterALostAnswer() {
        server.enqueue(lostAfterSending());
        server.enqueue(json(200, seed("get-200.json")));

        assertThat(client.getContact("83ba26b7f11c4e75b4043c8b33ceba49").number()).isEqualTo("+919101234510");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aDeleteReplayedAfterALostAnswerSaysTheFirstMayHaveWorked() {
        server.enqueue(lostAfterSending());
        server.enqueue(json(404, errorEnvelope("DELETE", 404, 1000, "Not Found", "Contact not found")));

        assertThatThrownBy(() -> client.deleteContact("4440b6e1a85f489b87d76d8779956caf"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("an earlier attempt, whose answer was lost, may already have done this");
    }

    @Test
    void bulkUpdateIsResentAfterALostAnswerBecauseItIsIdempotent() {
        server.enqueue(lostAfterSending());
        server.enqueue(json(207, seed("bulk-update-207.json")));
        List<ContactUpdate> updates = List.of(
                new ContactUpdate("a", ContactPatch.empty().with(ContactField.TAG, "t")),
                new ContactUpdate("b", ContactPatch.empty().with(ContactField.TAG, "t")),
                new ContactUpdate("c", ContactPatch.empty().with(ContactField.TAG, "t")));

        BulkResult<Contact> result = client.updateContacts(updates);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(result.successes()).hasSize(1);
        assertThat(result.failures()).hasSize(2);
    }

    @Test
    void bulkCreateWithBadCredentialsThrows() {
        server.enqueue(json(401, errorEnvelope("POST", 401, 1010, "Unauthorized", "Authentication failed")));

        assertThatThrownBy(() -> client.createContacts(List.of(NewContact.of("+919100000000"))))
                .isInstanceOf(AuthenticationException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRejectedBulkRequestFailsItsItemsWithTheCode() {
        server.enqueue(json(400, errorEnvelope("POST", 400, 1007, "Bad Request", "Invalid JSON")));

        BulkResult<Contact> result = client.createContacts(List.of(NewContact.of("+919100000000")));

        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.httpCode()).isEqualTo(400);
            assertThat(f.error().code()).isEqualTo(1007);
        });
    }

    @Test
    void chunksOfFiveThousandKeepTheCallersOrderAndIndexes() throws Exception {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return json(207, WireFixtures.echoCreated(sentContacts(request)));
            }
        });
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 12_001; i++) {
            contacts.add(NewContact.of(String.format("+9191%08d", i)));
        }

        BulkResult<Contact> result = client.createContacts(contacts);

        List<String> first = numbers(sentContacts(server.takeRequest()));
        List<String> second = numbers(sentContacts(server.takeRequest()));
        List<String> third = numbers(sentContacts(server.takeRequest()));
        assertThat(List.of(first.size(), second.size(), third.size())).containsExactly(5000, 5000, 2001);
        assertThat(first.get(0)).isEqualTo("+919100000000");
        assertThat(second.get(0)).isEqualTo("+919100005000");
        assertThat(third.get(2000)).isEqualTo("+919100012000");
        assertThat(result.items()).hasSize(12_001);
        assertThat(result.allSucceeded()).isTrue();
        for (int i = 0; i < 12_001; i++) {
            ItemOutcome<Contact> item = result.items().get(i);
            assertThat(item.index()).isEqualTo(i);
            assertThat(item.value().number()).isEqualTo(contacts.get(i).number());
        }
    }

    @Test
    void aShortAnswerMakesTheChunkUnknown() {
        JsonArray one = new JsonArray();
        one.add(WireFixtures.successItem(WireFixtures.contactData("s", "+919100000000")));
        JsonObject envelope = WireFixtures.envelope("POST", 207, null, one);
        server.enqueue(json(207, envelope.toString()));

        BulkResult<Contact> result = client.createContacts(
                List.of(NewContact.of("+919100000000"), NewContact.of("+919100000001")));

        assertThat(result.unknowns()).hasSize(2);
        assertThat(result.unknowns().get(0).error().message()).contains("answered 1 results for 2 items");
    }
}
