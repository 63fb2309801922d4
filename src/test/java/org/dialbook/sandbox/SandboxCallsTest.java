package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The six calls on the happy path, over raw HTTP, against an in-memory sandbox. */
class SandboxCallsTest {
    private static final String TWO_CONTACTS = """
            { "contacts": [
              { "number": "+919101234510", "first_name": "captain", "last_name": "exotel",
                "company_name": "Exotel", "email": "captain@email.com", "tag": "Member",
                "custom_field": { "key": { "key1": "values1" } } },
              { "number": "+6591234567", "first_name": "Wei Ling", "last_name": "Tan", "tag": "Technician" }
            ] }""";

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();
    private SandboxServer sandbox;
    private RawHttp http;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        http = new RawHttp(sandbox);
    }

    @Test
    void embeddableSurfaceDescribesTheDefaultAccount() {
        assertThat(sandbox.baseUrl().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(sandbox.defaultAccount()).isEqualTo(SandboxAccount.DEFAULT);
        assertThat(SandboxAccount.DEFAULT.accountSid()).isEqualTo("sandbox");
        assertThat(SandboxAccount.DEFAULT.apiKey()).isEqualTo("sandbox-key");
        assertThat(SandboxAccount.DEFAULT.apiToken()).isEqualTo("sandbox-token");
        ConnectionSettings settings = sandbox.connectionSettings();
        assertThat(settings.contactsUrl()).isEqualTo(sandbox.baseUrl() + "/v2/accounts/sandbox/contacts");
        assertThat(settings.apiKey()).isEqualTo("sandbox-key");
        assertThat(SandboxAccount.DEFAULT.toString()).doesNotContain("sandbox-key").doesNotContain("sandbox-token");
        assertThatThrownBy(() -> new SandboxAccount("x".repeat(101), "k", "t")).hasMessageContaining("100");
        assertThatThrownBy(() -> new SandboxAccount("a b", "k", "t")).hasMessageContaining("account SID");
        assertThatThrownBy(() -> new SandboxAccount("a", "k:1", "t")).hasMessageContaining("':'");
    }

    @Test
    void bulkCreateAnswers207WithEveryContactInRequestOrder() {
        RawHttp.Reply reply = http.post(http.contacts(), TWO_CONTACTS);

        assertThat(reply.status()).isEqualTo(207);
        JsonObject json = reply.json();
        assertThat(json.get("request_id").getAsString()).matches("[0-9a-f]{32}");
        assertThat(json.get("method").getAsString()).isEqualTo("POST");
        assertThat(json.get("http_code").getAsInt()).isEqualTo(207);
        assertThat(reply.metadata().get("failed").getAsInt()).isZero();
        assertThat(reply.metadata().get("total").getAsInt()).isEqualTo(2);
        assertThat(reply.metadata().get("success").getAsInt()).isEqualTo(2);
        JsonObject first = reply.item(0);
        assertThat(first.get("code").getAsInt()).isEqualTo(200);
        assertThat(first.get("status").getAsString()).isEqualTo("success");
        assertThat(first.get("error_data").isJsonNull()).isTrue();
        JsonObject contact = first.getAsJsonObject("data");
        String sid = contact.get("sid").getAsString();
        assertThat(sid).matches("[0-9a-f]{32}");
        assertThat(contact.get("number").getAsString()).isEqualTo("+919101234510");
        assertThat(contact.get("first_name").getAsString()).isEqualTo("captain");
        assertThat(contact.get("account_sid").getAsString()).isEqualTo("sandbox");
        assertThat(contact.get("uri").getAsString()).isEqualTo("/v2/accounts/sandbox/contacts/" + sid);
        assertThat(contact.get("custom_field").toString()).isEqualTo("{\"key\":{\"key1\":\"values1\"}}");
        OffsetDateTime created = OffsetDateTime.parse(contact.get("date_created").getAsString());
        assertThat(contact.get("date_updated").getAsString()).isEqualTo(contact.get("date_created").getAsString());
        JsonObject second = reply.item(1).getAsJsonObject("data");
        assertThat(second.get("number").getAsString()).isEqualTo("+6591234567");
        assertThat(second.get("email").isJsonNull()).isTrue();
        assertThat(second.get("custom_field").isJsonNull()).isTrue();
        assertThat(OffsetDateTime.parse(second.get("date_created").getAsString())).isAfter(created);
    }

    @Test
    void getUpdateDeleteOneContact() {
        String sid = http.post(http.contacts(), TWO_CONTACTS).item(0).getAsJsonObject("data").get("sid").getAsString();

        RawHttp.Reply got = http.get(http.contacts() + "/" + sid);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().get("method").getAsString()).isEqualTo("GET");
        assertThat(got.data().get("sid").getAsString()).isEqualTo(sid);

        RawHttp.Reply updated = http.put(http.contacts() + "/" + sid, "{ \"first_name\": \"XYZ\", \"email\": null }");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.data().get("first_name").getAsString()).isEqualTo("XYZ");
        assertThat(updated.data().get("email").isJsonNull()).isTrue();
        assertThat(updated.data().get("last_name").getAsString()).isEqualTo("exotel");
        assertThat(OffsetDateTime.parse(updated.data().get("date_updated").getAsString()))
                .isAfter(OffsetDateTime.parse(updated.data().get("date_created").getAsString()));

        RawHttp.Reply deleted = http.delete(http.contacts() + "/" + sid);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("method").getAsString()).isEqualTo("DELETE");
        assertThat(deleted.data().get("first_name").getAsString()).isEqualTo("XYZ");
        assertThat(http.get(http.contacts() + "/" + sid).status()).isEqualTo(404);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(1);
    }

    @Test
    void bulkUpdateAppliesEachItemAndReportsUnknownSids() {
        RawHttp.Reply created = http.post(http.contacts(), TWO_CONTACTS);
        String a = created.item(0).getAsJsonObject("data").get("sid").getAsString();
        String b = created.item(1).getAsJsonObject("data").get("sid").getAsString();

        RawHttp.Reply reply = http.put(http.contacts(), "{\"contacts\":[{\"sid\":\"" + a + "\",\"first_name\":\"XYZ\"},"
                + "{\"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\",\"first_name\":\"ABC\"},"
                + "{\"sid\":\"" + b + "\",\"tag\":\"Lead\"}]}");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.json().get("method").getAsString()).isEqualTo("PUT");
        assertThat(reply.metadata().toString()).isEqualTo("{\"failed\":1,\"total\":3,\"success\":2}");
        assertThat(reply.item(0).getAsJsonObject("data").get("first_name").getAsString()).isEqualTo("XYZ");
        assertThat(reply.item(1).get("code").getAsInt()).isEqualTo(404);
        assertThat(reply.item(1).get("status").getAsString()).isEqualTo("failure");
        assertThat(reply.item(1).getAsJsonObject("error_data").get("code").getAsInt()).isEqualTo(1000);
        assertThat(reply.item(1).get("data").isJsonNull()).isTrue();
        assertThat(reply.item(2).getAsJsonObject("data").get("tag").getAsString()).isEqualTo("Lead");
        assertThat(http.get(http.contacts() + "/" + b).data().get("tag").getAsString()).isEqualTo("Lead");
    }

    @Test
    void listPagesWithMetadataAndDefaultCreationOrder() {
        List<String> sids = createNumbered(25);

        RawHttp.Reply first = http.get(http.contacts());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.metadata().toString()).isEqualTo("{\"count\":20,\"offset\":0,\"limit\":20,\"total\":25}");
        assertThat(sidsOf(first.items())).isEqualTo(sids.subList(0, 20));

        RawHttp.Reply second = http.get(http.contacts() + "?offset=20&limit=20");
        assertThat(second.metadata().toString()).isEqualTo("{\"count\":5,\"offset\":20,\"limit\":20,\"total\":25}");
        assertThat(sidsOf(second.items())).isEqualTo(sids.subList(20, 25));

        RawHttp.Reply newestFirst = http.get(http.contacts() + "?limit=3&sort_by=date_created:desc");
        assertThat(sidsOf(newestFirst.items())).containsExactly(sids.get(24), sids.get(23), sids.get(22));

        RawHttp.Reply past = http.get(http.contacts() + "?offset=100");
        assertThat(past.metadata().get("count").getAsInt()).isZero();
        assertThat(past.items()).isEmpty();
    }

    @Test
    void listSearchesNamesCaseInsensitivelyAndSortsByNameStably() {
        http.post(http.contacts(), """
                {"contacts":[
                  {"number":"+919101234510","first_name":"Priya","last_name":"Sharma"},
                  {"number":"+919101234511","first_name":"Arjun","last_name":"Iyer"},
                  {"number":"+919101234512","first_name":"priya","last_name":"Sharma"},
                  {"number":"+919101234513","first_name":"Meera","last_name":"Pillai"},
                  {"number":"+919101234514","first_name":"Priya","last_name":"Sharma"}
                ]}""");

        RawHttp.Reply search = http.get(http.contacts() + "?name=SHAR");
        assertThat(search.metadata().get("total").getAsInt()).isEqualTo(3);
        RawHttp.Reply lastName = http.get(http.contacts() + "?name=iye");
        assertThat(numbersOf(lastName.items())).containsExactly("+919101234511");

        RawHttp.Reply byName = http.get(http.contacts() + "?sort_by=name:asc");
        // Equal names keep their insertion order.
        assertThat(numbersOf(byName.items())).containsExactly("+919101234511", "+919101234513", "+919101234510",
                "+919101234512", "+919101234514");
        RawHttp.Reply byNameDesc = http.get(http.contacts() + "?sort_by=name:desc&limit=2");
        assertThat(numbersOf(byNameDesc.items())).containsExactly("+919101234514", "+919101234512");
    }

    @Test
    void repeatedSearchesSeeEveryWrite() {
        String search = http.contacts() + "?name=pri&sort_by=name:asc";
        assertThat(http.get(search).metadata().get("total").getAsInt()).isZero();
        RawHttp.Reply created = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"+919101234510\","
                + "\"first_name\":\"Priya\"},{\"number\":\"+919101234511\",\"first_name\":\"Arjun\"}]}");
        String priya = created.item(0).getAsJsonObject("data").get("sid").getAsString();
        String arjun = created.item(1).getAsJsonObject("data").get("sid").getAsString();
        assertThat(sidsOf(http.get(search).items())).containsExactly(priya);
        assertThat(sidsOf(http.get(search).items())).as("asked again").containsExactly(priya);

        http.put(http.contacts() + "/" + arjun, "{\"last_name\":\"Priyadarshi\"}");
        assertThat(sidsOf(http.get(search).items())).containsExactly(arjun, priya);
        http.put(http.contacts(), "{\"contacts\":[{\"sid\":\"" + priya + "\",\"first_name\":\"Meera\"}]}");
        assertThat(sidsOf(http.get(search).items())).containsExactly(arjun);
        ContactList list = sandbox.createList("sandbox", "L", List.of(priya));
        assertThat(http.get(http.contacts() + "?list_sids=" + list.sid()).metadata().get("total").getAsInt())
                .isEqualTo(1);
        http.delete(http.contacts() + "/" + priya);
        assertThat(http.get(http.contacts() + "?list_sids=" + list.sid()).metadata().get("total").getAsInt()).isZero();
        http.delete(http.contacts() + "/" + arjun);
        assertThat(http.get(search).metadata().get("total").getAsInt()).isZero();
    }

    @Test
    void listFiltersByListAndShowsLists() {
        List<String> sids = createNumbered(4);
        ContactList vip = sandbox.createList("sandbox", "VIP", List.of(sids.get(1), sids.get(3)));
        ContactList other = sandbox.createList("sandbox", "Other", List.of(sids.get(3)));

        RawHttp.Reply inVip = http.get(http.contacts() + "?list_sids=" + vip.sid());
        assertThat(sidsOf(inVip.items())).containsExactly(sids.get(1), sids.get(3));
        assertThat(inVip.item(0).getAsJsonObject("data").has("lists")).isFalse();

        RawHttp.Reply either = http.get(http.contacts() + "?filter=show_list&list_sids=" + vip.sid() + "," + other.sid());
        assertThat(either.metadata().get("total").getAsInt()).isEqualTo(2);
        JsonArray lists = either.item(1).getAsJsonObject("data").getAsJsonArray("lists");
        assertThat(lists.toString()).isEqualTo("[{\"sid\":\"" + vip.sid() + "\",\"name\":\"VIP\"},{\"sid\":\""
                + other.sid() + "\",\"name\":\"Other\"}]");

        RawHttp.Reply all = http.get(http.contacts() + "?filter=show_list");
        assertThat(all.item(0).getAsJsonObject("data").getAsJsonArray("lists")).isEmpty();
        assertThat(http.get(http.contacts() + "?list_sids=00000000000000000000000000000000").items()).isEmpty();
    }

    @Test
    void demoContactsAreSeededOnce() {
        // By hand: a second sandbox with demo contacts, beside the fixture's empty one.
        try (SandboxServer demo = SandboxServer.start(SandboxOptions.builder().demoContacts(60).seed(7).build())) {
            RawHttp demoHttp = new RawHttp(demo);
            RawHttp.Reply page = demoHttp.get(demoHttp.contacts() + "?filter=show_list");
            assertThat(page.metadata().get("total").getAsInt()).isEqualTo(60);
            for (int i = 0; i < page.items().size(); i++) {
                JsonObject contact = page.item(i).getAsJsonObject("data");
                assertThat(contact.get("number").getAsString()).matches("\\+91[6-9]\\d{9}|0\\d{10}|\\+65[689]\\d{7}");
                assertThat(contact.get("first_name").getAsString()).isNotBlank();
                assertThat(contact.get("tag").getAsString()).isNotBlank();
            }
            assertThat(page.body()).contains("+65").contains("+91").contains("custom_field\":{");
        }
    }

    private List<String> createNumbered(int count) {
        StringBuilder body = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"number\":\"+9191012345").append(String.format("%02d", i))
                    .append("\",\"first_name\":\"n").append(i).append("\"}");
        }
        RawHttp.Reply reply = http.post(http.contacts(), body.append("]}").toString());
        assertThat(reply.metadata().get("success").getAsInt()).isEqualTo(count);
        return sidsOf(reply.items());
    }

    static List<String> sidsOf(JsonArray items) {
        List<String> sids = new ArrayList<>();
        items.forEach(item -> sids.add(item.getAsJsonObject().getAsJsonObject("data").get("sid").getAsString()));
        return sids;
    }

    static List<String> numbersOf(JsonArray items) {
        List<String> numbers = new ArrayList<>();
        items.forEach(item -> numbers.add(item.getAsJsonObject().getAsJsonObject("data").get("number").getAsString()));
        return numbers;
    }
}
