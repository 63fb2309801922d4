package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dialbook.api.WireFixtures.ACCOUNT;
import static org.dialbook.api.WireFixtures.AUTHORIZATION;
import static org.dialbook.api.WireFixtures.body;
import static org.dialbook.api.WireFixtures.contactData;
import static org.dialbook.api.WireFixtures.envelope;
import static org.dialbook.api.WireFixtures.errorEnvelope;
import static org.dialbook.api.WireFixtures.failureItem;
import static org.dialbook.api.WireFixtures.json;
import static org.dialbook.api.WireFixtures.parse;
import static org.dialbook.api.WireFixtures.successItem;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every Lists call's exact request, and the 207, 409 and tolerant shapes of the answers. */
class ListsClientWireTest {
    private static final String LISTS = "/v2/accounts/" + ACCOUNT + "/lists";
    private static final String LIST_SID = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String C1 = "11111111111111111111111111111111";
    private static final String C2 = "22222222222222222222222222222222";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<Duration> sleeps = new ArrayList<>();
    private ContactsClient contacts;
    private ListsClient client;

    @BeforeEach
    void setUp() {
        contacts = WireFixtures.client(server, RetryPolicy.defaults().withRandom(() -> 0.5), sleeps);
        client = contacts.lists();
    }

    @AfterEach
    void tearDown() {
        contacts.close();
    }

    private static JsonObject listData(String sid, String name, Integer count) {
        JsonObject data = new JsonObject();
        data.addProperty("sid", sid);
        data.addProperty("name", name);
        data.add("tag", null);
        if (count != null) {
            data.addProperty("contact_count", count);
        }
        data.addProperty("date_created", "2026-11-30T10:00:00.000000Z");
        data.addProperty("date_updated", "2026-11-30T10:00:00.000000Z");
        data.addProperty("uri", LISTS + "/" + sid);
        return data;
    }

    private static String bulk(String method, JsonObject... items) {
        JsonArray response = new JsonArray();
        int failed = 0;
        for (JsonObject item : items) {
            response.add(item);
            failed += "failure".equals(item.get("status").getAsString()) ? 1 : 0;
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("failed", failed);
        metadata.addProperty("total", items.length);
        metadata.addProperty("success", items.length - failed);
        return envelope(method, 207, metadata, response).toString();
    }

    private static String one(String method, JsonObject data) {
        return envelope(method, 200, null, successItem(data)).toString();
    }

    private static void assertRequest(RecordedRequest request, String method, String target) {
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getTarget()).isEqualTo(target);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(AUTHORIZATION);
        if (method.equals("GET") || method.equals("DELETE")) {
            assertThat(request.getBodySize()).isZero();
        } else {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void createSendsTheListsAndReadsTheSidAtResponseDataSidAnd409PerItem() throws Exception {
        server.enqueue(json(207, bulk("POST", successItem(listData(LIST_SID, "Diwali callers", 0)),
                failureItem(409, 1008, "A list named 'VIP' already exists"))));

        BulkResult<CampaignList> result = client.createLists(List.of(new NewList("Diwali callers", "festive"),
                NewList.named("VIP")));

        RecordedRequest request = server.takeRequest();
        assertRequest(request, "POST", LISTS);
        assertThat(body(request)).isEqualTo(parse(
                "{\"lists\":[{\"name\":\"Diwali callers\",\"tag\":\"festive\"},{\"name\":\"VIP\"}]}"));
        assertThat(result.items().get(0).value().sid()).isEqualTo(LIST_SID);
        assertThat(result.items().get(0).value().contactCount()).isZero();
        ItemOutcome<CampaignList> taken = result.items().get(1);
        assertThat(taken.status()).isEqualTo(ItemOutcome.Status.FAILURE);
        assertThat(taken.httpCode()).isEqualTo(409);
        assertThat(taken.error().code()).isEqualTo(1008);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aListWhoseSidComesAsListIdIsStillRead() {
        JsonObject data = new JsonObject();
        data.addProperty("list_id", LIST_SID);
        data.addProperty("name", "Callbacks");
        data.addProperty("count", "7");
        server.enqueue(json(200, one("GET", data)));

        CampaignList list = client.getList(LIST_SID);

        assertThat(list.sid()).isEqualTo(LIST_SID);
        assertThat(list.contactCount()).isEqualTo(7);
        assertThat(list.dateCreated()).isNull();
    }

    @Test
    void createListThrowsTheConflictForATakenName() {
        server.enqueue(json(207, bulk("POST", failureItem(409, 1008, "A list named 'VIP' already exists"))));

        assertThatThrownBy(() -> client.createList(NewList.named("VIP")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(1008);
                    assertThat(e.getMessage()).contains("already exists");
                });
    }

    @Test
    void aCreateWhoseAnswerWasLostIsSettledByTheName() throws Exception {
        server.enqueue(new MockResponse.Builder().code(207).body(bulk("POST",
                successItem(listData(LIST_SID, "Diwali callers", 0)))).headersDelay(5, TimeUnit.SECONDS).build());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("count", 1);
        metadata.addProperty("offset", 0);
        metadata.addProperty("limit", 20);
        metadata.addProperty("total", 1);
        JsonArray found = new JsonArray();
        found.add(successItem(listData(LIST_SID, "Diwali callers", 0)));
        server.enqueue(json(200, envelope("GET", 200, metadata, found).toString()));

        try (ContactsClient slow = ContactsClient.builder(WireFixtures.settings(server))
                .readTimeout(Duration.ofMillis(300)).sleeper(sleeps::add).build()) {
            BulkResult<CampaignList> result = slow.lists().createLists(List.of(NewList.named("Diwali callers")));
            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.items().get(0).value().sid()).isEqualTo(LIST_SID);
        }
        assertRequest(server.takeRequest(), "POST", LISTS);
        assertRequest(server.takeRequest(), "GET", LISTS + "?offset=0&limit=20&name=Diwali%20callers");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void addSendsContactReferencesAndReportsEachItem() throws Exception {
        JsonObject added = new JsonObject();
        added.addProperty("list_id", LIST_SID);
        added.addProperty("contact_sid", C1);
        server.enqueue(json(207, bulk("POST", successItem(added), failureItem(404, 1000, "Contact not found"),
                failureItem(409, 1008, "already in the list"))));

        BulkResult<ListMember> result = client.addContacts(LIST_SID, List.of(C1, "nope", C2));

        RecordedRequest request = server.takeRequest();
        assertRequest(request, "POST", LISTS + "/" + LIST_SID + "/contacts");
        assertThat(body(request)).isEqualTo(parse("{\"contact_references\":[{\"contact_sid\":\"" + C1
                + "\"},{\"contact_sid\":\"nope\"},{\"contact_sid\":\"" + C2 + "\"}]}"));
        assertThat(result.items().get(0).value()).isEqualTo(new ListMember(LIST_SID, C1));
        assertThat(result.items().get(1).status()).isEqualTo(ItemOutcome.Status.FAILURE);
        assertThat(result.items().get(1).error().code()).isEqualTo(1000);
        // Already a member is what the caller wanted: a success.
        assertThat(result.items().get(2).succeeded()).isTrue();
        assertThat(result.items().get(2).value()).isEqualTo(new ListMember(LIST_SID, C2));
    }

    @Test
    void addSplitsAt5000AndRetriesOnlyTheThrottledItems() throws Exception {
        try (ContactsClient small = ContactsClient.builder(WireFixtures.settings(server)).maxBatchSize(2)
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.0)).sleeper(sleeps::add).build()) {
            server.enqueue(json(207, bulk("POST", successItem(new JsonObject()), failureItem(429, null, "slow down"))));
            server.enqueue(json(207, bulk("POST", successItem(new JsonObject()))));
            server.enqueue(json(207, bulk("POST", successItem(new JsonObject()))));

            BulkResult<ListMember> result = small.lists().addContacts(LIST_SID, List.of(C1, C2, "c3"));

            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.items()).extracting(o -> o.value().contactSid()).containsExactly(C1, C2, "c3");
        }
        assertThat(body(server.takeRequest()).getAsJsonObject().getAsJsonArray("contact_references")).hasSize(2);
        assertThat(body(server.takeRequest())).isEqualTo(parse("{\"contact_references\":[{\"contact_sid\":\"" + C2
                + "\"}]}"));
        assertThat(body(server.takeRequest())).isEqualTo(parse("{\"contact_references\":[{\"contact_sid\":\"c3\"}]}"));
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void anAddWhoseAnswerWasLostIsSettledByReadingTheListBack() throws Exception {
        server.enqueue(new MockResponse.Builder().code(207).body(bulk("POST", successItem(new JsonObject()),
                successItem(new JsonObject()))).headersDelay(5, TimeUnit.SECONDS).build());
        JsonObject metadata = new JsonObject();
        metadata.addProperty("count", 1);
        metadata.addProperty("offset", 0);
        metadata.addProperty("limit", 20);
        metadata.addProperty("total", 1);
        JsonArray page = new JsonArray();
        page.add(successItem(contactData(C1, "+919101234511")));
        server.enqueue(json(200, envelope("GET", 200, metadata, page).toString()));
        server.enqueue(json(207, bulk("POST", successItem(new JsonObject()))));

        try (ContactsClient slow = ContactsClient.builder(WireFixtures.settings(server))
                .readTimeout(Duration.ofMillis(300)).sleeper(sleeps::add).build()) {
            BulkResult<ListMember> result = slow.lists().addContacts(LIST_SID, List.of(C1, C2));
            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.items()).extracting(o -> o.value().contactSid()).containsExactly(C1, C2);
        }
        server.takeRequest();
        assertRequest(server.takeRequest(), "GET", LISTS + "/" + LIST_SID + "/contacts?offset=0&limit=20");
        RecordedRequest resend = server.takeRequest();
        assertRequest(resend, "POST", LISTS + "/" + LIST_SID + "/contacts");
        assertThat(body(resend)).isEqualTo(parse("{\"contact_references\":[{\"contact_sid\":\"" + C2 + "\"}]}"));
    }

    @Test
    void contactsOfAListArePagedWithTheirMetadata() throws Exception {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("count", 1);
        metadata.addProperty("offset", 20);
        metadata.addProperty("limit", 20);
        metadata.addProperty("total", 21);
        JsonArray page = new JsonArray();
        page.add(successItem(contactData(C1, "+919101234511")));
        server.enqueue(json(200, envelope("GET", 200, metadata, page).toString()));

        Page<Contact> result = client.contacts(LIST_SID, 20, 20);

        assertRequest(server.takeRequest(), "GET", LISTS + "/" + LIST_SID + "/contacts?offset=20&limit=20");
        assertThat(result.total()).isEqualTo(21);
        assertThat(result.items()).extracting(Contact::sid).containsExactly(C1);
        assertThat(result.hasNext()).isFalse();
    }

    @Test
    void allListsSendsNameAndSortAndReadsCounts() throws Exception {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("count", 2);
        metadata.addProperty("offset", 0);
        metadata.addProperty("limit", 20);
        metadata.addProperty("total", 2);
        JsonArray page = new JsonArray();
        page.add(successItem(listData(LIST_SID, "Diwali callers", 12)));
        page.add(successItem(listData(C2, "Diwali VIPs", 3)));
        server.enqueue(json(200, envelope("GET", 200, metadata, page).toString()));

        Page<CampaignList> result = client.lists(ListsQuery.firstPage().withName("diwali")
                .withSortBy(SortBy.parse("name:asc")));

        assertRequest(server.takeRequest(), "GET", LISTS + "?offset=0&limit=20&name=diwali&sort_by=name:asc");
        assertThat(result.items()).extracting(CampaignList::name, CampaignList::contactCount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Diwali callers", 12),
                        org.assertj.core.groups.Tuple.tuple("Diwali VIPs", 3));
        assertThatThrownBy(() -> ListsQuery.firstPage().withSortBy(SortBy.parse("name:desc")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateOneSendsOnlyWhatChangesAndA409IsThrown() throws Exception {
        server.enqueue(json(200, one("PUT", listData(LIST_SID, "Diwali 2026", 4))));
        server.enqueue(json(409, errorEnvelope("PUT", 409, 1008, "Conflict", "A list named 'VIP' already exists")));

        CampaignList renamed = client.updateList(new ListUpdate(LIST_SID, "Diwali 2026", null));

        RecordedRequest request = server.takeRequest();
        assertRequest(request, "PUT", LISTS + "/" + LIST_SID);
        assertThat(body(request)).isEqualTo(parse("{\"name\":\"Diwali 2026\"}"));
        assertThat(renamed.name()).isEqualTo("Diwali 2026");
        assertThatThrownBy(() -> client.updateList(new ListUpdate(LIST_SID, "VIP", null)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(1008);
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void updateManySendsSidsAndReportsEachItem() throws Exception {
        server.enqueue(json(207, bulk("PUT", successItem(listData(LIST_SID, "A", 0)),
                failureItem(404, 1000, "List not found"))));

        BulkResult<CampaignList> result = client.updateLists(List.of(new ListUpdate(LIST_SID, "A", null),
                new ListUpdate(C2, null, "t")));

        RecordedRequest request = server.takeRequest();
        assertRequest(request, "PUT", LISTS);
        assertThat(body(request)).isEqualTo(parse("{\"lists\":[{\"sid\":\"" + LIST_SID + "\",\"name\":\"A\"},"
                + "{\"sid\":\"" + C2 + "\",\"tag\":\"t\"}]}"));
        assertThat(result.items().get(0).value().name()).isEqualTo("A");
        assertThat(result.items().get(1).error().code()).isEqualTo(1000);
    }

    @Test
    void deleteAndRemoveAreBodilessAndA404IsNotFound() throws Exception {
        server.enqueue(json(200, one("DELETE", listData(LIST_SID, "Old", 2))));
        JsonObject removed = new JsonObject();
        removed.addProperty("list_sid", LIST_SID);
        removed.addProperty("contact_sid", C1);
        server.enqueue(json(200, one("DELETE", removed)));
        server.enqueue(json(404, errorEnvelope("DELETE", 404, 1000, "Not Found", "Contact is not in this list")));

        assertThat(client.deleteList(LIST_SID).contactCount()).isEqualTo(2);
        assertThat(client.removeContact(LIST_SID, C1)).isEqualTo(new ListMember(LIST_SID, C1));
        assertThatThrownBy(() -> client.removeContact(LIST_SID, C2)).isInstanceOf(NotFoundException.class);

        assertRequest(server.takeRequest(), "DELETE", LISTS + "/" + LIST_SID);
        assertRequest(server.takeRequest(), "DELETE", LISTS + "/" + LIST_SID + "/contacts/" + C1);
        assertRequest(server.takeRequest(), "DELETE", LISTS + "/" + LIST_SID + "/contacts/" + C2);
    }

    @Test
    void resolveTriesTheSidThenTheName() throws Exception {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("total", 2);
        JsonArray page = new JsonArray();
        page.add(successItem(listData(C1, "VIP callers 2", 1)));
        page.add(successItem(listData(C2, "vip callers", 5)));
        server.enqueue(json(200, envelope("GET", 200, metadata, page).toString()));

        assertThat(client.resolve("VIP Callers").sid()).isEqualTo(C2);
        assertThat(server.takeRequest().getTarget()).isEqualTo(LISTS + "?offset=0&limit=20&name=VIP%20Callers");

        server.enqueue(json(200, one("GET", listData(LIST_SID, "X", 0))));
        assertThat(client.resolve(LIST_SID).name()).isEqualTo("X");
        assertThat(server.takeRequest().getTarget()).isEqualTo(LISTS + "/" + LIST_SID);
    }
}
