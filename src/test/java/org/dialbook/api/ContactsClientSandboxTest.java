package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dialbook.contact.ContactField;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.sandbox.SandboxWithClock;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the real in-process sandbox: the whole contract, and its faults. */
class ContactsClientSandboxTest {
    private final TestClock time = TestClock.fixed();
    private SandboxServer sandbox;
    private ContactsClient client;

    @BeforeEach
    void start() {
        sandbox = SandboxWithClock.start(time, 7);
        // One clock for both sides: the client's waits move the sandbox's throttle window.
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.defaults())
                .sleeper(time::sleep).clock(time).build();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private static List<NewContact> numbered(int count) {
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            contacts.add(NewContact.of(String.format("+9191012%05d", i)));
        }
        return contacts;
    }

    @Test
    void everyCallRoundTripsWithCustomFieldsUnchanged() {
        JsonElement custom = JsonParser.parseString("{\"plan\":{\"tier\":\"gold\",\"since\":[2021,5]},\"n\":1.5}");
        BulkResult<Contact> created = client.createContacts(List.of(
                NewContact.builder("+919101234510").firstName("Asha").lastName("Rao").email("asha@example.com")
                        .customField(custom).build(),
                NewContact.of("+919101234511")));
        assertThat(created.allSucceeded()).isTrue();
        Contact asha = created.items().get(0).value();
        assertThat(asha.sid()).matches("[0-9a-f]{32}");
        assertThat(asha.customField()).isEqualTo(custom);

        Contact fetched = client.getContact(asha.sid());
        assertThat(fetched.customField()).isEqualTo(custom);
        assertThat(fetched.displayName()).isEqualTo("Asha Rao");

        Contact updated = client.updateContact(asha.sid(),
                ContactPatch.empty().with(ContactField.TAG, "vip").with(ContactField.EMAIL, (String) null));
        assertThat(updated.tag()).isEqualTo("vip");
        assertThat(updated.email()).isNull();
        assertThat(updated.customField()).isEqualTo(custom);

        BulkResult<Contact> bulk = client.updateContacts(List.of(
                new ContactUpdate(asha.sid(), ContactPatch.empty().with(ContactField.COMPANY_NAME, "Exotel")),
                new ContactUpdate("ffffffffffffffffffffffffffffffff", ContactPatch.empty().with(ContactField.TAG, "x"))));
        assertThat(bulk.items().get(0).value().companyName()).isEqualTo("Exotel");
        assertThat(bulk.items().get(1).status()).isEqualTo(ItemOutcome.Status.FAILURE);
        assertThat(bulk.items().get(1).error().code()).isEqualTo(1000);

        assertThat(client.streamContacts(ListQuery.firstPage()).map(Contact::number).toList())
                .containsExactly("+919101234510", "+919101234511");
        assertThat(client.deleteContact(asha.sid()).sid()).isEqualTo(asha.sid());
        assertThatThrownBy(() -> client.getContact(asha.sid()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.errorCode()).isEqualTo(1000));
    }

    @Test
    void streamingWalksManyPages() {
        assertThat(client.createContacts(numbered(45)).allSucceeded()).isTrue();

        assertThat(client.streamContacts(ListQuery.firstPage().withLimit(20)).count()).isEqualTo(45);
        Page<Contact> last = client.listContacts(ListQuery.firstPage().withOffset(40));
        assertThat(last.items()).hasSize(5);
        assertThat(last.total()).isEqualTo(45);
        assertThat(last.hasNext()).isFalse();
    }

    @Test
    void chunkedCreateKeepsOrder() {
        try (ContactsClient small = ContactsClient.builder(sandbox.connectionSettings()).maxBatchSize(3)
                .sleeper(time::sleep).build()) {
            BulkResult<Contact> result = small.createContacts(numbered(8));
            assertThat(result.items()).extracting(o -> o.value().number())
                    .containsExactlyElementsOf(numbered(8).stream().map(NewContact::number).toList());
        }
    }

    @Test
    void throttledItemsAreRetriedWithoutDuplicates() {
        sandbox.faults().item429Fraction(0.3);

        BulkResult<Contact> result = client.createContacts(numbered(40));

        assertThat(time.sleeps()).isNotEmpty();
        assertThat(result.unknowns()).isEmpty();
        assertThat(result.failures()).allSatisfy(f -> assertThat(f.httpCode()).isEqualTo(429));
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(result.successes().size());
        sandbox.faults().reset();
        Set<String> numbers = client.streamContacts(ListQuery.firstPage()).map(Contact::number)
                .collect(Collectors.toSet());
        assertThat(numbers).hasSize(result.successes().size());
    }

    @Test
    void aLostCreateIsUnknownAndHappenedExactlyOnce() {
        sandbox.faults().lostResponseFraction(1.0);

        BulkResult<Contact> result = client.createContacts(numbered(3));

        assertThat(result.unknowns()).hasSize(3);
        assertThat(sandbox.contactCount("sandbox")).as("committed once, never replayed").isEqualTo(3);
    }

    @Test
    void serverErrorsAndThrottlingAreRetried() {
        client.createContacts(numbered(1));
        sandbox.faults().throttlePerMinute(2);
        for (int i = 0; i < 4; i++) {
            assertThat(client.listContacts(ListQuery.firstPage()).total()).isEqualTo(1);
        }
        assertThat(time.sleeps()).anySatisfy(d -> assertThat(d).isGreaterThan(Duration.ofSeconds(1)));

        sandbox.faults().reset().serverErrorFraction(0.5);
        for (int i = 0; i < 10; i++) {
            assertThat(client.listContacts(ListQuery.firstPage()).total()).isEqualTo(1);
        }
    }

    @Test
    void wrongCredentialsAreAnAuthenticationError() {
        ConnectionSettings wrong = ConnectionSettings.forBaseUrl(sandbox.baseUrl().toString(), "sandbox",
                "sandbox-key", "not-the-token");
        try (ContactsClient bad = ContactsClient.builder(wrong).build()) {
            assertThatThrownBy(() -> bad.listContacts(ListQuery.firstPage()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).isEqualTo(1010);
                        assertThat(e.getMessage()).doesNotContain("not-the-token");
                    });
        }
    }
}
