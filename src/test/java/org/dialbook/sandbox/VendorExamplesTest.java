package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The vendor page's own request bodies (seed/exotel-contacts-api-v2.txt), verbatim, against the
 * sandbox: valid JSON works as written, the broken examples get a clean 400 / 1007.
 */
class VendorExamplesTest {
    /** The curl bulk create: valid JSON, but its numbers are placeholders. */
    private static final String CURL_CREATE = "{ \"contacts\": [ { \"number\": \"+91910XXXXX10\", \"first_name\": "
            + "\"captain\", \"last_name\": \"exotel\", \"company_name\": \"Exotel\", \"email\": \"captain@email.com\", "
            + "\"tag\": \"Member\", \"custom_field\": { \"key\": { \"key1\": \"values1\" } } }, { \"number\": "
            + "\"+91910YYYYY10\", \"first_name\": \"captain\", \"last_name\": \"exotel\", \"company_name\": "
            + "\"Exotel\", \"email\": \"captain@email.com\", \"tag\": \"Technician\", \"custom_field\": { \"key\": { "
            + "\"key1\": \"values1\" } } } ] }";
    /** The Go bulk create: real numbers, the same one twice. */
    private static final String GO_CREATE = "{ \"contacts\": [ { \"number\": \"+919100000010\", \"first_name\": "
            + "\"captain\", \"last_name\": \"exotel\", \"company_name\": \"Exotel\", \"email\": \"captain@email.com\", "
            + "\"tag\": \"Member\", \"custom_field\": { \"key\": { \"key1\": \"values1\" } } }, { \"number\": "
            + "\"+919100000010\", \"first_name\": \"captain\", \"last_name\": \"exotel\", \"company_name\": "
            + "\"Exotel\", \"email\": \"captain@email.com\", \"tag\": \"Member\", \"custom_field\": { \"key\": { "
            + "\"key1\": \"values1\" } } } ] }";
    private static final String CURL_UPDATE = "{ \"first_name\": \"XYZ\" }";
    private static final String CURL_BULK_UPDATE = " { \"contacts\": [ { \"sid\":\"83ba26b7f11c4e75b4043c8b33ceba49\", "
            + "\"first_name\": \"XYZ\" } { \"sid\":\"93ba26b7f11c4e75b4043c8b33ceba59\", \"first_name\": \"ABC\" } { "
            + "\"sid\":\"73ba26b7f11c4e75b4043c8b33ceba69\", \"first_name\": \"LMN\" } ] }";
    /** The node.js single update: the page's JavaScript is missing a parenthesis, its JSON is fine. */
    private static final String NODE_UPDATE = "{\"first_name\":\"XYZ\"}";

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
    void placeholderNumbersFailPerItemWith1002() {
        RawHttp.Reply reply = http.post(http.contacts(), CURL_CREATE);
        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.metadata().toString()).isEqualTo("{\"failed\":2,\"total\":2,\"success\":0}");
        assertThat(reply.item(0).getAsJsonObject("error_data").get("code").getAsInt()).isEqualTo(1002);
        assertThat(reply.item(1).getAsJsonObject("error_data").get("description").getAsString())
                .contains("+91910YYYYY10");
    }

    @Test
    void theValidExamplesWorkAsWritten() {
        RawHttp.Reply created = http.post(http.contacts(), GO_CREATE);
        assertThat(created.status()).isEqualTo(207);
        assertThat(created.metadata().toString()).isEqualTo("{\"failed\":0,\"total\":2,\"success\":2}");
        String sid = created.item(0).getAsJsonObject("data").get("sid").getAsString();
        assertThat(created.body()).contains("\"custom_field\":{ \"key\": { \"key1\": \"values1\" } }");

        RawHttp.Reply updated = http.put(http.contacts() + "/" + sid, CURL_UPDATE);
        assertThat(updated.data().get("first_name").getAsString()).isEqualTo("XYZ");
        assertThat(http.put(http.contacts() + "/" + sid, NODE_UPDATE).status()).isEqualTo(200);

        RawHttp.Reply listed = http.get(http.contacts() + "?offset=0&limit=20");
        assertThat(listed.metadata().toString()).isEqualTo("{\"count\":2,\"offset\":0,\"limit\":20,\"total\":2}");
        assertThat(http.get(http.contacts() + "?offset=0&limit=10").metadata().get("limit").getAsInt()).isEqualTo(10);

        assertThat(http.get(http.contacts() + "/" + sid).data().get("first_name").getAsString()).isEqualTo("XYZ");
        assertThat(http.delete(http.contacts() + "/" + sid).data().get("sid").getAsString()).isEqualTo(sid);
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(1);
    }

    @Test
    void theBrokenBulkUpdateGetsACleanMalformedJsonError() {
        RawHttp.Reply reply = http.put(http.contacts(), CURL_BULK_UPDATE);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(1007);
        assertThat(reply.item().getAsJsonObject("error_data").get("description").getAsString())
                .isEqualTo("The body is not valid JSON: Expected ',' or ']' in an array at line 1, column 84");
    }
}
