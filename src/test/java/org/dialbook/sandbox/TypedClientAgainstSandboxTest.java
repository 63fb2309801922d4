package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.InvalidRequestException;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.Page;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.ServerFaultException;
import org.dialbook.api.SortBy;
import org.dialbook.api.ThrottledException;
import org.dialbook.api.TransportException;
import org.dialbook.contact.ContactField;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The typed client (ContactsClient) against the real in-process sandbox, for every call and every
 * error code the client can provoke; the sandbox's answers to what the client never sends (bad
 * JSON, wrong content type, 5001 items, limit 21) are covered over raw HTTP elsewhere. Retries are
 * off, so each fault surfaces as what it is.
 */
class TypedClientAgainstSandboxTest {
    private static final SandboxAccount OTHER = new SandboxAccount("other", "other-key", "other-token");

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.maxBodyBytes(256 * 1024)
            .account(SandboxAccount.DEFAULT)
            .account(OTHER));
    private SandboxServer sandbox;
    private ContactsClient client;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        client = clientFor(sandbox.connectionSettings());
    }

    private static ContactsClient clientFor(ConnectionSettings settings) {
        return ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private Contact create(NewContact contact) {
        BulkResult<Contact> result = client.createContacts(List.of(contact));
        assertThat(result.allSucceeded()).as("%s", result).isTrue();
        return result.items().get(0).value();
    }

    @Test
    void allSixCallsRoundTrip() {
        JsonElement custom = JsonParser.parseString("{\"key\":{\"a\":\"b\",\"c\":[1,2,3]},\"since\":2021}");
        Contact created = create(NewContact.builder("+919101234510").firstName("captain").lastName("exotel")
                .companyName("Exotel").email("captain@email.com").tag("Member").customField(custom).build());
        assertThat(created.sid()).matches("[0-9a-f]{32}");
        assertThat(created.accountSid()).isEqualTo("sandbox");
        assertThat(created.uri()).isEqualTo("/v2/accounts/sandbox/contacts/" + created.sid());
        assertThat(created.customField()).isEqualTo(custom);
        assertThat(created.dateUpdated()).isEqualTo(created.dateCreated());
        assertThat(created.lists()).isNull();

        assertThat(client.getContact(created.sid())).isEqualTo(created);

        Contact updated = client.updateContact(created.sid(), ContactPatch.empty().with(ContactField.FIRST_NAME, "XYZ")
                .with(ContactField.CUSTOM_FIELD, (JsonElement) null));
        assertThat(updated.firstName()).isEqualTo("XYZ");
        assertThat(updated.customField()).isNull();
        assertThat(updated.dateCreated()).isEqualTo(created.dateCreated());
        assertThat(updated.dateUpdated()).isAfter(created.dateUpdated());

        Contact second = create(NewContact.of("08012345678"));
        BulkResult<Contact> bulk = client.updateContacts(List.of(
                new ContactUpdate(second.sid(), ContactPatch.empty().with(ContactField.TAG, "landline")),
                new ContactUpdate(created.sid(), ContactPatch.empty().with(ContactField.NUMBER, "+6591234567"))));
        assertThat(bulk.allSucceeded()).isTrue();
        assertThat(bulk.items().get(1).value().number()).isEqualTo("+6591234567");

        Page<Contact> page = client.listContacts(ListQuery.firstPage());
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(Contact::sid).containsExactly(created.sid(), second.sid());

        assertThat(client.deleteContact(second.sid()).tag()).isEqualTo("landline");
        assertThat(client.listContacts(ListQuery.firstPage()).total()).isEqualTo(1);
    }

    @Test
    void listQueriesSearchSortPageAndShowLists() {
        List<NewContact> contacts = new ArrayList<>();
        String[] names = {"Priya", "arjun", "Meera", "priyanka", "Zoya"};
        for (int i = 0; i < 25; i++) {
            contacts.add(NewContact.builder(String.format("+9191012345%02d", i)).firstName(names[i % 5])
                    .lastName("n" + i).build());
        }
        BulkResult<Contact> created = client.createContacts(contacts);
        assertThat(created.allSucceeded()).isTrue();

        Page<Contact> priya = client.listContacts(ListQuery.firstPage().withName("PRIY"));
        assertThat(priya.total()).isEqualTo(10);
        Page<Contact> byName = client.listContacts(ListQuery.firstPage().withSortBy(SortBy.parse("name:asc"))
                .withLimit(5));
        assertThat(byName.items()).extracting(Contact::firstName).containsOnly("arjun");
        Page<Contact> last = client.listContacts(ListQuery.firstPage().withSortBy(SortBy.parse("date_created:desc"))
                .withOffset(20));
        assertThat(last.items()).hasSize(5);
        assertThat(last.items().get(4).sid()).isEqualTo(created.items().get(0).value().sid());
        assertThat(last.hasNext()).isFalse();

        String a = created.items().get(3).value().sid();
        String b = created.items().get(7).value().sid();
        ContactList list = sandbox.createList("sandbox", "Callbacks", List.of(a, b));
        Page<Contact> inList = client.listContacts(ListQuery.firstPage().withListSids(List.of(list.sid()))
                .withShowLists(true));
        assertThat(inList.items()).extracting(Contact::sid).containsExactly(a, b);
        assertThat(inList.items().get(0).lists()).isEqualTo(JsonParser.parseString(
                "[{\"sid\":\"" + list.sid() + "\",\"name\":\"Callbacks\"}]"));
        assertThat(client.streamContacts(ListQuery.firstPage()).count()).isEqualTo(25);
    }

    @Test
    void perItemFailuresAre400With1001And1002And404With1000() {
        BulkResult<Contact> created = client.createContacts(List.of(NewContact.of("+919101234510"),
                NewContact.of(""), NewContact.of("+91910XXXXX10"), NewContact.of("12345")));
        assertThat(created.items()).extracting(ItemOutcome::httpCode).containsExactly(200, 400, 400, 400);
        assertThat(created.items().get(1).error().code()).isEqualTo(1001);
        assertThat(created.items().get(2).error().code()).isEqualTo(1002);
        assertThat(created.items().get(3).error().code()).isEqualTo(1002);

        String sid = created.items().get(0).value().sid();
        BulkResult<Contact> updated = client.updateContacts(List.of(
                new ContactUpdate("0123456789abcdef0123456789abcdef", ContactPatch.empty().with(ContactField.TAG, "x")),
                new ContactUpdate(sid, ContactPatch.empty().with(ContactField.NUMBER, "not a number")),
                new ContactUpdate(sid, ContactPatch.empty().with(ContactField.TAG, "kept"))));
        assertThat(updated.items()).extracting(ItemOutcome::status).containsExactly(ItemOutcome.Status.FAILURE,
                ItemOutcome.Status.FAILURE, ItemOutcome.Status.SUCCESS);
        assertThat(updated.items().get(0).httpCode()).isEqualTo(404);
        assertThat(updated.items().get(0).error().code()).isEqualTo(1000);
        assertThat(updated.items().get(1).error().code()).isEqualTo(1002);
        assertThat(client.getContact(sid).tag()).isEqualTo("kept");
    }

    @Test
    void singleCallsThrowTheMatchingExceptions() {
        String unknown = "0123456789abcdef0123456789abcdef";
        assertThatThrownBy(() -> client.getContact(unknown)).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.errorCode()).isEqualTo(1000));
        assertThatThrownBy(() -> client.updateContact(unknown, ContactPatch.empty().with(ContactField.TAG, "x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> client.deleteContact(unknown)).isInstanceOf(NotFoundException.class);

        Contact mine = create(NewContact.of("+919101234510"));
        assertThatThrownBy(() -> client.updateContact(mine.sid(),
                ContactPatch.empty().with(ContactField.NUMBER, "+91910XXXXX10")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo(1002);
                    assertThat(e.requestId()).matches("[0-9a-f]{32}");
                });
    }

    @Test
    void anotherAccountsContactIs403With1003() {
        Contact theirs;
        try (ContactsClient other = clientFor(sandbox.connectionSettings(OTHER))) {
            theirs = other.createContacts(List.of(NewContact.of("+6591234567"))).items().get(0).value();
        }
        assertThatThrownBy(() -> client.getContact(theirs.sid()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo(1003);
                });
        assertThatThrownBy(() -> client.deleteContact(theirs.sid())).isInstanceOf(AuthenticationException.class);
        BulkResult<Contact> bulk = client.updateContacts(List.of(
                new ContactUpdate(theirs.sid(), ContactPatch.empty().with(ContactField.TAG, "x"))));
        assertThat(bulk.items().get(0).httpCode()).isEqualTo(403);
        assertThat(bulk.items().get(0).error().code()).isEqualTo(1003);

        ConnectionSettings wrongAccount = ConnectionSettings.forBaseUrl(sandbox.baseUrl().toString(), "other",
                "sandbox-key", "sandbox-token");
        try (ContactsClient mismatched = clientFor(wrongAccount)) {
            assertThatThrownBy(() -> mismatched.listContacts(ListQuery.firstPage()))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(1003));
        }
        assertThat(sandbox.contactCount("other")).isEqualTo(1);
    }

    @Test
    void badCredentialsAre401With1010() {
        ConnectionSettings wrong = ConnectionSettings.forBaseUrl(sandbox.baseUrl().toString(), "sandbox",
                "sandbox-key", "wrong-token");
        try (ContactsClient bad = clientFor(wrong)) {
            assertThatThrownBy(() -> bad.createContacts(List.of(NewContact.of("+919101234510"))))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(401);
                        assertThat(e.errorCode()).isEqualTo(1010);
                    });
        }
        assertThat(sandbox.contactCount("sandbox")).isZero();
    }

    @Test
    void anOversizeBodyIsSplitUntilItFitsAndASingleOversizeItemIs413AndStoresNothing() {
        List<NewContact> big = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            big.add(NewContact.builder(String.format("+91910%07d", i)).firstName("x".repeat(200)).build());
        }
        BulkResult<Contact> result = client.createContacts(big);
        assertThat(result.successes()).hasSize(2000);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(2000);

        BulkResult<Contact> huge = client.createContacts(List.of(NewContact.builder("+919109999999")
                .firstName("x".repeat(300 * 1024)).build()));
        assertThat(huge.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(ItemOutcome.Status.FAILURE);
            assertThat(item.httpCode()).isEqualTo(413);
        });
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(2000);
    }

    @Test
    void faultsSurfaceAsThrottledServerFaultAndUnknownOutcomes() {
        sandbox.faults().throttlePerMinute(1);
        client.listContacts(ListQuery.firstPage());
        assertThatThrownBy(() -> client.listContacts(ListQuery.firstPage()))
                .isInstanceOfSatisfying(ThrottledException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));

        sandbox.faults().reset().serverErrorFraction(1.0);
        assertThatThrownBy(() -> client.listContacts(ListQuery.firstPage()))
                .isInstanceOfSatisfying(ServerFaultException.class,
                        e -> assertThat(e.httpStatus()).isIn(500, 503));
        BulkResult<Contact> failed = client.createContacts(List.of(NewContact.of("+919101234510")));
        assertThat(failed.items().get(0).httpCode()).isIn(500, 503);
        assertThat(sandbox.contactCount("sandbox")).isZero();

        sandbox.faults().reset().item429Fraction(1.0);
        BulkResult<Contact> throttledItems = client.createContacts(List.of(NewContact.of("+919101234510"),
                NewContact.of("+919101234511")));
        assertThat(throttledItems.items()).allSatisfy(item -> assertThat(item.httpCode()).isEqualTo(429));
        assertThat(sandbox.contactCount("sandbox")).isZero();

        sandbox.faults().reset().lostResponseFraction(1.0);
        BulkResult<Contact> lost = client.createContacts(List.of(NewContact.of("+919101234512")));
        assertThat(lost.items().get(0).status()).isEqualTo(ItemOutcome.Status.UNKNOWN);
        assertThatThrownBy(() -> client.getContact("0123456789abcdef0123456789abcdef"))
                .isInstanceOf(TransportException.class);
        sandbox.faults().reset();
        assertThat(client.listContacts(ListQuery.firstPage()).items()).extracting(Contact::number)
                .containsExactly("+919101234512");
    }
}
