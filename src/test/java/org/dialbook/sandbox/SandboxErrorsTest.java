package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The error matrix of docs/CONTRACT.md, over raw HTTP. */
class SandboxErrorsTest {
    private static final SandboxAccount OTHER = new SandboxAccount("other-acct", "other-key", "other-token");

    /** The vendor page's bulk update example, verbatim: its items lack commas between them. */
    private static final String VENDOR_BROKEN_BULK_UPDATE = "{ \"contacts\": [ { \"sid\":\"83ba26b7f11c4e75b4043c8b33ceba49\","
            + " \"first_name\": \"XYZ\" } { \"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\", \"first_name\": \"ABC\" } {"
            + " \"sid\":\"73ba26b7f11c4e75b4043c8b33ceba69\", \"first_name\": \"LMN\" } ] }";
    /** The same, with the leading space and newline of the vendor's curl --data-raw. */
    private static final String VENDOR_BROKEN_BULK_UPDATE_CURL = " " + VENDOR_BROKEN_BULK_UPDATE;

    @RegisterExtension
    static final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.maxBodyBytes(4096)
            .account(SandboxAccount.DEFAULT)
            .account(OTHER));
    private static SandboxServer sandbox;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        sandbox = fixture.server();
        http = new RawHttp(sandbox);
    }

    private static void assertEnvelopeError(RawHttp.Reply reply, int status, Integer code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonObject json = reply.json();
        assertThat(json.get("http_code").getAsInt()).isEqualTo(status);
        assertThat(json.get("request_id").getAsString()).matches("[0-9a-f]{32}");
        assertThat(reply.item().get("status").getAsString()).isEqualTo("failure");
        assertThat(reply.item().get("code").getAsInt()).isEqualTo(status);
        assertThat(reply.errorCode()).isEqualTo(code);
        assertThat(reply.item().getAsJsonObject("error_data").get("description").getAsString()).isNotBlank();
        assertThat(reply.item().get("data").isJsonNull()).isTrue();
    }

    private static String createOne(String number) {
        RawHttp.Reply reply = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"" + number + "\"}]}");
        return reply.item(0).getAsJsonObject("data").get("sid").getAsString();
    }

    @Test
    void missingOrWrongCredentialsGet401With1010() {
        RawHttp.Reply none = http.withAuthorization(null).get(http.contacts());
        assertEnvelopeError(none, 401, 1010);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic");
        assertEnvelopeError(http.withAuthorization(RawHttp.basic("sandbox-key", "wrong")).get(http.contacts()), 401,
                1010);
        assertEnvelopeError(http.withAuthorization(RawHttp.basic("nobody", "sandbox-token")).get(http.contacts()), 401,
                1010);
        assertEnvelopeError(http.withAuthorization("Basic !!!not-base64").get(http.contacts()), 401, 1010);
        assertEnvelopeError(http.withAuthorization("Bearer sandbox-token").get(http.contacts()), 401, 1010);
        assertThat(none.body()).doesNotContain("sandbox-token");
    }

    @Test
    void anotherAccountsUrlOrContactGets403With1003() {
        assertEnvelopeError(http.forAccountPath("other-acct").get(http.forAccountPath("other-acct").contacts()), 403,
                1003);
        RawHttp other = new RawHttp(sandbox, OTHER);
        String theirs = other.post(other.contacts(), "{\"contacts\":[{\"number\":\"+6591234567\"}]}")
                .item(0).getAsJsonObject("data").get("sid").getAsString();
        assertEnvelopeError(http.get(http.contacts() + "/" + theirs), 403, 1003);
        assertEnvelopeError(http.delete(http.contacts() + "/" + theirs), 403, 1003);
        assertEnvelopeError(http.put(http.contacts() + "/" + theirs, "{\"first_name\":\"x\"}"), 403, 1003);
        RawHttp.Reply bulk = http.put(http.contacts(), "{\"contacts\":[{\"sid\":\"" + theirs + "\",\"tag\":\"x\"}]}");
        assertThat(bulk.item(0).get("code").getAsInt()).isEqualTo(403);
        assertThat(bulk.item(0).getAsJsonObject("error_data").get("code").getAsInt()).isEqualTo(1003);
        assertThat(other.get(other.contacts() + "/" + theirs).data().get("tag").isJsonNull()).isTrue();
        assertThat(http.get(http.contacts()).metadata().get("total").getAsInt()).isEqualTo(
                sandbox.contactCount("sandbox"));
    }

    @Test
    void unknownSidsGet404With1000() {
        String unknown = "0123456789abcdef0123456789abcdef";
        assertEnvelopeError(http.get(http.contacts() + "/" + unknown), 404, 1000);
        assertEnvelopeError(http.put(http.contacts() + "/" + unknown, "{\"first_name\":\"x\"}"), 404, 1000);
        assertEnvelopeError(http.delete(http.contacts() + "/" + unknown), 404, 1000);
        assertEnvelopeError(http.get(http.contacts() + "/not-a-sid"), 404, 1000);
        assertEnvelopeError(http.get("/v2/accounts/sandbox/campaigns"), 404, 1000);
    }

    @Test
    void bulkCreateReportsEachItemsOwnFailure() {
        RawHttp.Reply reply = http.post(http.contacts(), """
                {"contacts":[
                  {"number":"+919101234510","first_name":"ok"},
                  {"first_name":"no number"},
                  {"number":"+91910XXXXX10"},
                  {"number":"+919101234511","favourite_colour":"blue"},
                  {"number":"08012345678","tag":"landline"},
                  {"number":12345},
                  {"number":"+919101234512","first_name":7},
                  {"number":null}
                ]}""");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.metadata().toString()).isEqualTo("{\"failed\":6,\"total\":8,\"success\":2}");
        assertThat(reply.item(0).get("code").getAsInt()).isEqualTo(200);
        assertItem(reply, 1, 400, 1001, "number");
        assertItem(reply, 2, 400, 1002, "+91910XXXXX10");
        assertItem(reply, 3, 400, 1002, "favourite_colour");
        assertThat(reply.item(4).getAsJsonObject("data").get("number").getAsString()).isEqualTo("08012345678");
        assertItem(reply, 5, 400, 1002, "number");
        assertItem(reply, 6, 400, 1002, "first_name");
        assertItem(reply, 7, 400, 1001, "number");
    }

    private static void assertItem(RawHttp.Reply reply, int index, int status, int code, String mention) {
        JsonObject item = reply.item(index);
        assertThat(item.get("code").getAsInt()).isEqualTo(status);
        assertThat(item.get("status").getAsString()).isEqualTo("failure");
        assertThat(item.getAsJsonObject("error_data").get("code").getAsInt()).isEqualTo(code);
        assertThat(item.getAsJsonObject("error_data").get("description").getAsString()).contains(mention);
        assertThat(item.get("data").isJsonNull()).isTrue();
    }

    @Test
    void bulkUpdateItemsWithoutSidOrWithBadFieldsFailAlone() {
        String sid = createOne("+919101234520");
        RawHttp.Reply reply = http.put(http.contacts(), "{\"contacts\":[{\"first_name\":\"no sid\"},"
                + "{\"sid\":\"" + sid + "\",\"number\":\"12\"},{\"sid\":\"" + sid + "\",\"nickname\":\"x\"},"
                + "{\"sid\":\"" + sid + "\",\"number\":\"+6581234567\"}]}");
        assertItem(reply, 0, 400, 1001, "sid");
        assertItem(reply, 1, 400, 1002, "12");
        assertItem(reply, 2, 400, 1002, "nickname");
        assertThat(reply.item(3).getAsJsonObject("data").get("number").getAsString()).isEqualTo("+6581234567");
    }

    @Test
    void singleUpdateRejectsUnknownFieldsAndBadNumbers() {
        String sid = createOne("+919101234521");
        RawHttp.Reply unknown = http.put(http.contacts() + "/" + sid, "{\"nickname\":\"x\"}");
        assertEnvelopeError(unknown, 400, 1002);
        assertThat(unknown.body()).contains("nickname");
        assertEnvelopeError(http.put(http.contacts() + "/" + sid, "{\"number\":\"not a number\"}"), 400, 1002);
        assertEnvelopeError(http.put(http.contacts() + "/" + sid, "[1,2]"), 400, 1007);
        assertThat(http.get(http.contacts() + "/" + sid).data().get("number").getAsString()).isEqualTo("+919101234521");
    }

    @Test
    void tooManyItemsOrNoneGet400With1002() {
        StringBuilder body = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 5001; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }
        body.append("]}");
        // By hand: a second sandbox with the default body cap, beside the fixture's 4 KiB one.
        try (SandboxServer roomy = SandboxServer.start(SandboxOptions.builder().build())) {
            RawHttp roomyHttp = new RawHttp(roomy);
            RawHttp.Reply reply = roomyHttp.post(roomyHttp.contacts(), body.toString());
            assertEnvelopeError(reply, 400, 1002);
            assertThat(reply.body()).contains("5001");
            assertEnvelopeError(roomyHttp.put(roomyHttp.contacts(), body.toString()), 400, 1002);
            assertThat(roomy.contactCount("sandbox")).isZero();
        }
        assertEnvelopeError(http.post(http.contacts(), "{\"contacts\":[]}"), 400, 1002);
    }

    @Test
    void limitAbove20AndOtherBadListParametersGet400With1002() {
        RawHttp.Reply reply = http.get(http.contacts() + "?limit=21");
        assertEnvelopeError(reply, 400, 1002);
        assertThat(reply.body()).contains("limit");
        assertEnvelopeError(http.get(http.contacts() + "?limit=0"), 400, 1002);
        assertEnvelopeError(http.get(http.contacts() + "?offset=-1"), 400, 1002);
        assertEnvelopeError(http.get(http.contacts() + "?offset=abc"), 400, 1002);
        assertEnvelopeError(http.get(http.contacts() + "?sort_by=number:asc"), 400, 1002);
        assertEnvelopeError(http.get(http.contacts() + "?sort_by=name:sideways"), 400, 1002);
        assertEnvelopeError(http.get(http.contacts() + "?filter=everything"), 400, 1002);
        assertThat(http.get(http.contacts() + "?limit=20&sort_by=name").status()).isEqualTo(200);
    }

    @Test
    void malformedJsonAndWrongShapesGet400With1007() {
        int before = sandbox.contactCount("sandbox");
        String[] bodies = {
            VENDOR_BROKEN_BULK_UPDATE, VENDOR_BROKEN_BULK_UPDATE_CURL, "", "{", "{\"contacts\":[{\"number\":\"+919101234510\"",
            "{\"contacts\": [ {\"number\": \"+919101234510\",} ]}", "not json", "[]", "\"contacts\"", "{}",
            "{\"contacts\":{}}", "{\"contacts\":[1,2]}", "{\"contacts\":[{}], \"extra\":1}", "{\"contacts\":[]} trailing",
            "{\"contacts\":[{\"number\":\"+919101234510\",\"number\":\"+919101234511\"}]}",
            "[".repeat(10_000) + "]".repeat(10_000)
        };
        for (String body : bodies) {
            if (body.length() > 4096) {
                try (SandboxServer roomy = SandboxServer.start(SandboxOptions.builder().build())) {
                    RawHttp roomyHttp = new RawHttp(roomy);
                    assertEnvelopeError(roomyHttp.post(roomyHttp.contacts(), body), 400, 1007);
                }
                continue;
            }
            RawHttp.Reply create = http.post(http.contacts(), body);
            assertEnvelopeError(create, 400, 1007);
            RawHttp.Reply update = http.put(http.contacts(), body);
            assertEnvelopeError(update, 400, 1007);
        }
        RawHttp.Reply broken = http.put(http.contacts(), VENDOR_BROKEN_BULK_UPDATE);
        assertThat(broken.item().getAsJsonObject("error_data").get("description").getAsString())
                .contains("Expected ',' or ']'").contains("line 1, column");
        assertEnvelopeError(http.sendBytes("POST", http.contacts(), new byte[] {'{', (byte) 0xC3, '}'},
                "application/json"), 400, 1007);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(before);
    }

    @Test
    void nonJsonContentTypeGets415With1011() {
        String body = "{\"contacts\":[{\"number\":\"+919101234510\"}]}";
        assertEnvelopeError(http.send("POST", http.contacts(), body, "text/plain"), 415, 1011);
        assertEnvelopeError(http.send("POST", http.contacts(), body, "application/x-www-form-urlencoded"), 415, 1011);
        assertEnvelopeError(http.send("PUT", http.contacts(), body, null), 415, 1011);
        assertEnvelopeError(http.send("POST", http.contacts(), body, "application/json; charset=iso-8859-1"), 415,
                1011);
        assertThat(http.send("POST", http.contacts(), body, "application/json; charset=UTF-8").status()).isEqualTo(207);
        assertThat(http.send("POST", http.contacts(), body, "Application/JSON").status()).isEqualTo(207);
    }

    @Test
    void bodyOverTheCapGets413AndNothingIsStored() {
        int before = sandbox.contactCount("sandbox");
        StringBuilder body = new StringBuilder("{\"contacts\":[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",").append("{\"number\":\"+919101234510\",\"first_name\":\"padding\"}");
        }
        body.append("]}");
        assertThat(body.toString().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4096);
        RawHttp.Reply reply = http.post(http.contacts(), body.toString());
        assertEnvelopeError(reply, 413, null);
        assertThat(reply.body()).contains("4096");
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(before);
        assertThat(SandboxOptions.builder().build().maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void unsupportedMethodsGet405() {
        RawHttp.Reply reply = http.delete(http.contacts());
        assertEnvelopeError(reply, 405, 1002);
        assertThat(reply.header("Allow")).isEqualTo("GET, POST, PUT");
        assertEnvelopeError(http.send("POST", http.contacts() + "/0123456789abcdef0123456789abcdef", "{}",
                "application/json"), 405, 1002);
    }

    @Test
    void customFieldComesBackByteForByteUnderEitherName() {
        String custom = "{ \"key\" : {\"a\":\"b\",   \"c\":[1, 2.50, 3e2]}, \"emoji\": \"\\u00e9 é 😀\", \"n\": null }";
        RawHttp.Reply created = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"+919101234530\","
                + "\"custom_field\":" + custom + "},{\"number\":\"+919101234531\",\"custom\":[1,  \"two\"]}]}");
        assertThat(created.body()).contains("\"custom_field\":" + custom + ",");
        assertThat(created.body()).contains("\"custom_field\":[1,  \"two\"],");
        String sid = created.item(0).getAsJsonObject("data").get("sid").getAsString();
        assertThat(http.get(http.contacts() + "/" + sid).body()).contains("\"custom_field\":" + custom + ",");
        RawHttp.Reply both = http.post(http.contacts(),
                "{\"contacts\":[{\"number\":\"+919101234532\",\"custom\":{},\"custom_field\":{}}]}");
        assertItem(both, 0, 400, 1002, "custom");
        RawHttp.Reply cleared = http.put(http.contacts() + "/" + sid, "{\"custom_field\":null}");
        assertThat(cleared.data().get("custom_field").isJsonNull()).isTrue();
    }

    @Test
    void sameNumberTwiceMakesTwoContacts() {
        RawHttp.Reply reply = http.post(http.contacts(), "{\"contacts\":[{\"number\":\"+919100000010\"},"
                + "{\"number\":\"+919100000010\"}]}");
        assertThat(reply.metadata().get("success").getAsInt()).isEqualTo(2);
        assertThat(reply.item(0).getAsJsonObject("data").get("sid").getAsString())
                .isNotEqualTo(reply.item(1).getAsJsonObject("data").get("sid").getAsString());
    }
}
