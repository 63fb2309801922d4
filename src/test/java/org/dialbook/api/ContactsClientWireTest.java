package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.AUTHORIZATION;
import static org.dialbook.api.WireFixtures.CONTACTS_PATH;
import static org.dialbook.api.WireFixtures.body;
import static org.dialbook.api.WireFixtures.json;
import static org.dialbook.api.WireFixtures.parse;
import static org.dialbook.api.WireFixtures.seed;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.dialbook.contact.ContactField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call's exact request, and parsing of every response example on the vendor's page. */
class ContactsClientWireTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private ContactsClient client;

    @BeforeEach
    void setUp() {
        client = WireFixtures.client(server, RetryPolicy.none(), sleeps);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    private static void assertJsonRequest(RecordedRequest request, String method, String target) {
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(AUTHORIZATION);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
    }

    private static void assertBodilessRequest(RecordedRequest request, String method, String target) {
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(AUTHORIZATION);
        assertThat(request.getHeaders().get("Content-Type")).isNull();
        assertThat(request.getBodySize()).isZero();
    }

    @Test
    void bulkCreateSendsTheContactsAndParsesTheSeed207() throws Exception {
        server.enqueue(json(207, seed("create-207.json")));
        JsonObject custom = parse("{\"key\":{\"key1\":\"values1\"}}").getAsJsonObject();
        NewContact first = NewContact.builder("+919101234511").firstName("captain").lastName("exotel")
                .companyName("Exotel").email("captain@email.com").tag("API").customField(custom).build();
        NewContact second = NewContact.of("+919101234510");

        BulkResult<Contact> result = client.createContacts(List.of(first, second));

        RecordedRequest request = server.takeRequest();
        assertJsonRequest(request, "POST", CONTACTS_PATH);
        assertThat(body(request)).isEqualTo(parse("{\"contacts\":[{\"number\":\"+919101234511\","
                + "\"first_name\":\"captain\",\"last_name\":\"exotel\",\"company_name\":\"Exotel\","
                + "\"email\":\"captain@email.com\",\"tag\":\"API\",\"custom_field\":{\"key\":{\"key1\":\"values1\"}}},"
                + "{\"number\":\"+919101234510\"}]}"));
        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.items()).extracting(ItemOutcome::index).containsExactly(0, 1);
        Contact created = result.items().get(0).value();
        assertThat(created.sid()).isEqualTo("4440b6e1a85f489b87d76d8779956caf");
        assertThat(created.number()).isEqualTo("+919101234511");
        assertThat(created.tag()).isEqualTo("API");
        assertThat(created.customField()).isEqualTo(custom);
        assertThat(created.dateCreated()).isEqualTo(OffsetDateTime.parse("2021-05-23T13:51:30.15101622+05:30"));
        assertThat(created.accountSid()).isEqualTo("exotel8u3");
        assertThat(created.uri()).isEqualTo("/v2/accounts/exotel8u3/contacts/4440b6e1a85f489b87d76d8779956caf");
        assertThat(result.items().get(1).value().sid()).isEqualTo("83ba26b7f11c4e75b4043c8b33ceba49");
    }

    @Test
    void bulkCreateFlagsAReturnedNumberThatDiffersFromTheOneSent() throws Exception {
        server.enqueue(json(207, seed("create-207.json")));

        BulkResult<Contact> result = client.createContacts(
                List.of(NewContact.of("+919101234511"), NewContact.of("+919999999999")));

        assertThat(result.items().get(0).succeeded()).isTrue();
        ItemOutcome<Contact> mismatch = result.items().get(1);
        assertThat(mismatch.status()).isEqualTo(ItemOutcome.Status.FAILURE);
        assertThat(mismatch.error().message()).contains("+919101234510", "+919999999999",
                "83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(mismatch.value().sid()).isEqualTo("83ba26b7f11c4e75b4043c8b33ceba49");
    }

    @Test
    void bulkCreateOfNothingSendsNothing() {
        assertThat(client.createContacts(List.of()).items()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void updateOneSendsOnlyTheChangedFieldsAndParsesTheSeed200() throws Exception {
        server.enqueue(json(200, seed("update-200.json")));

        Contact updated = client.updateContact("83ba26b7f11c4e75b4043c8b33ceba49",
                ContactPatch.empty().with(ContactField.FIRST_NAME, "captain2.0").with(ContactField.EMAIL, (String) null));

        RecordedRequest request = server.takeRequest();
        assertJsonRequest(request, "PUT", CONTACTS_PATH + "/83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(body(request)).isEqualTo(parse("{\"first_name\":\"captain2.0\",\"email\":null}"));
        assertThat(updated.firstName()).isEqualTo("captain2.0");
        assertThat(updated.dateUpdated()).isEqualTo(OffsetDateTime.parse("2021-05-23T08:27:17Z"));
    }

    @Test
    void bulkUpdateReportsEachItemOfTheSeed207InOrder() throws Exception {
        server.enqueue(json(207, seed("bulk-update-207.json")));
        List<ContactUpdate> updates = List.of(
                new ContactUpdate("83ba26b7f11c4e75b4043c8b33ceba49", ContactPatch.empty().with(ContactField.FIRST_NAME, "XYZ")),
                new ContactUpdate("93ba26b7f11c4e75b4043c8b33ceba59", ContactPatch.empty().with(ContactField.FIRST_NAME, "ABC")),
                new ContactUpdate("73ba26b7f11c4e75b4043c8b33ceba69", ContactPatch.empty().with(ContactField.FIRST_NAME, "LMN")));

        BulkResult<Contact> result = client.updateContacts(updates);

        RecordedRequest request = server.takeRequest();
        assertJsonRequest(request, "PUT", CONTACTS_PATH);
        assertThat(body(request)).isEqualTo(parse("{\"contacts\":["
                + "{\"sid\":\"83ba26b7f11c4e75b4043c8b33ceba49\",\"first_name\":\"XYZ\"},"
                + "{\"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\",\"first_name\":\"ABC\"},"
                + "{\"sid\":\"73ba26b7f11c4e75b4043c8b33ceba69\",\"first_name\":\"LMN\"}]}"));
        assertThat(result.items()).extracting(ItemOutcome::status).containsExactly(
                ItemOutcome.Status.SUCCESS, ItemOutcome.Status.FAILURE, ItemOutcome.Status.FAILURE);
        assertThat(result.items().get(0).value().customField())
                .isEqualTo(parse("{\"key\":{\"a\":\"b\",\"c\":[1,2,3]}}"));
        ItemOutcome<Contact> missing = result.items().get(1);
        assertThat(missing.index()).isEqualTo(1);
        assertThat(missing.httpCode()).isEqualTo(404);
        assertThat(missing.error()).isEqualTo(new ApiError(404, 1000, "Not Found", "Contact not found"));
        assertThat(missing.error().summary()).isEqualTo("404 / 1000 Not Found: Contact not found");
    }

    @Test
    void getSendsNoBodyAndParsesTheSeed200() throws Exception {
        server.enqueue(json(200, seed("get-200.json")));

        Contact contact = client.getContact("83ba26b7f11c4e75b4043c8b33ceba49");

        assertBodilessRequest(server.takeRequest(), "GET", CONTACTS_PATH + "/83ba26b7f11c4e75b4043c8b33ceba49");
        assertThat(contact.number()).isEqualTo("+919101234510");
        assertThat(contact.displayName()).isEqualTo("captain exotel");
        assertThat(contact.companyName()).isEqualTo("Exotel");
        assertThat(contact.email()).isEqualTo("captain@email.com");
        assertThat(contact.lists()).isNull();
    }

    @Test
    void getOfAMissingContactThrowsNotFoundWithCodeAndRequestId() {
        server.enqueue(json(404, WireFixtures.errorEnvelope("GET", 404, 1000, "Not Found", "Contact not found")));

        assertThatThrownBy(() -> client.getContact("ffffffffffffffffffffffffffffffff"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(1000);
                    assertThat(e.requestId()).isEqualTo("0123456789abcdef0123456789abcdef");
                    assertThat(e.getMessage()).isEqualTo("404 / 1000 Not Found: Contact not found"
                            + " [request_id 0123456789abcdef0123456789abcdef]");
                });
    }

    @Test
    void listSendsEveryQueryParameterAndParsesTheSeedPage() throws Exception {
        server.enqueue(json(200, seed("list-200.json")));
        ListQuery query = ListQuery.firstPage().withOffset(0).withLimit(20).withName("cap")
                .withSortBy(SortBy.parse("name:desc")).withListSids(List.of("l1", "l2")).withShowLists(true);

        Page<Contact> page = client.listContacts(query);

        assertBodilessRequest(server.takeRequest(), "GET", CONTACTS_PATH
                + "?offset=0&limit=20&name=cap&sort_by=name:desc&list_sids=l1,l2&filter=show_list");
        assertThat(page.items()).hasSize(6);
        assertThat(page.total()).isEqualTo(6);
        assertThat(page.offset()).isZero();
        assertThat(page.limit()).isEqualTo(20);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.items()).extracting(Contact::number).containsExactly("+919645122021", "+919645122029",
                "+919645122020", "+919645122022", "+919645122023", "+919645122024");
        assertThat(page.items().get(0).firstName()).isNull();
        assertThat(page.items().get(0).customField()).isNull();
    }

    @Test
    void listWithDefaultsSendsOnlyOffsetAndLimit() throws Exception {
        server.enqueue(json(200, seed("list-200.json")));

        client.listContacts(ListQuery.firstPage());

        assertThat(server.takeRequest().getTarget()).isEqualTo(CONTACTS_PATH + "?offset=0&limit=20");
    }

    @Test
    void deleteSendsNoBodyAndReturnsTheDeletedContact() throws Exception {
        server.enqueue(json(200, seed("delete-200.json")));

        Contact deleted = client.deleteContact("4440b6e1a85f489b87d76d8779956caf");

        assertBodilessRequest(server.takeRequest(), "DELETE", CONTACTS_PATH + "/4440b6e1a85f489b87d76d8779956caf");
        assertThat(deleted.sid()).isEqualTo("4440b6e1a85f489b87d76d8779956caf");
        assertThat(deleted.number()).isEqualTo("+919101234511");
    }

    @Test
    void aSidIsEncodedAsOnePathSegment() throws Exception {
        server.enqueue(json(200, seed("get-200.json")));

        client.getContact("a/b?c");

        assertThat(server.takeRequest().getTarget()).isEqualTo(CONTACTS_PATH + "/a%2Fb%3Fc");
    }

    @Test
    void streamWalksEveryPageUntilTotal() throws Exception {
        for (int offset = 0; offset < 45; offset += 20) {
            com.google.gson.JsonArray items = new com.google.gson.JsonArray();
            for (int i = offset; i < Math.min(45, offset + 20); i++) {
                String number = "+9191000000" + String.format("%02d", i);
                items.add(WireFixtures.successItem(WireFixtures.contactData(WireFixtures.sidFor(number), number)));
            }
            JsonObject metadata = new JsonObject();
            metadata.addProperty("count", items.size());
            metadata.addProperty("offset", offset);
            metadata.addProperty("limit", 20);
            metadata.addProperty("total", 45);
            server.enqueue(json(200, WireFixtures.envelope("GET", 200, metadata, items).toString()));
        }

        List<Contact> all = client.streamContacts(ListQuery.firstPage()).toList();

        assertThat(all).hasSize(45);
        assertThat(all.get(44).number()).isEqualTo("+919100000044");
        assertThat(server.takeRequest().getTarget()).endsWith("?offset=0&limit=20");
        assertThat(server.takeRequest().getTarget()).endsWith("?offset=20&limit=20");
        assertThat(server.takeRequest().getTarget()).endsWith("?offset=40&limit=20");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void streamFetchesLazily() {
        server.enqueue(json(200, seed("list-200.json")));

        client.streamContacts(ListQuery.firstPage());

        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void customFieldRoundTripsUnchangedAndCustomIsAcceptedAsAlias() throws Exception {
        String custom = "{\"n\":1.50,\"list\":[1,\"two\",null,{\"deep\":true}],\"text\":\"ü \\\"q\\\"\"}";
        JsonObject data = WireFixtures.contactData("0123456789abcdef0123456789abcdef", "+919100000001");
        data.add("custom", parse(custom));
        data.remove("custom_field");
        server.enqueue(json(200, WireFixtures.envelope("GET", 200, null, WireFixtures.successItem(data)).toString()));
        server.enqueue(json(200, seed("update-200.json")));

        Contact fetched = client.getContact("0123456789abcdef0123456789abcdef");
        client.updateContact("0123456789abcdef0123456789abcdef",
                ContactPatch.empty().with(ContactField.CUSTOM_FIELD, fetched.customField()));

        server.takeRequest();
        assertThat(body(server.takeRequest())).isEqualTo(parse("{\"custom_field\":" + custom + "}"));
    }
}
