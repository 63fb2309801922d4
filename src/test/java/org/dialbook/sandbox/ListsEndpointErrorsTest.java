package org.dialbook.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Lists endpoints' answers to what the typed client never sends, over raw HTTP. */
class ListsEndpointErrorsTest {
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();
    private SandboxServer sandbox;
    private RawHttp http;
    private String lists;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        http = new RawHttp(sandbox);
        lists = "/v2/accounts/" + sandbox.defaultAccount().accountSid() + "/lists";
    }

    @Test
    void createValidatesEachItem() {
        RawHttp.Reply reply = http.post(lists, "{\"lists\":[{\"tag\":\"x\"},{\"name\":\"  \"},{\"name\":7},"
                + "{\"name\":\"ok\",\"colour\":\"red\"},{\"name\":\"Fine\",\"tag\":null}]}");

        assertThat(reply.status()).isEqualTo(207);
        assertThat(reply.metadata().get("failed").getAsInt()).isEqualTo(4);
        assertThat(code(reply, 0)).isEqualTo(1001);
        assertThat(code(reply, 1)).isEqualTo(1001);
        assertThat(code(reply, 2)).isEqualTo(1002);
        assertThat(code(reply, 3)).isEqualTo(1002);
        assertThat(reply.item(4).getAsJsonObject("data").get("name").getAsString()).isEqualTo("Fine");
        assertThat(reply.item(4).getAsJsonObject("data").get("contact_count").getAsInt()).isZero();
    }

    @Test
    void malformedBodiesAndTooManyItemsAreRefusedWhole() {
        assertThat(http.post(lists, "{\"lists\":{}}").errorCode()).isEqualTo(1007);
        assertThat(http.post(lists, "{\"contacts\":[]}").errorCode()).isEqualTo(1007);
        assertThat(http.post(lists, "{\"lists\":[]}").errorCode()).isEqualTo(1002);
        assertThat(http.post(lists, "[1,").errorCode()).isEqualTo(1007);
        StringBuilder many = new StringBuilder("{\"contact_references\":[");
        for (int i = 0; i < 5001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"contact_sid\":\"x\"}");
        }
        String sid = http.post(lists, "{\"lists\":[{\"name\":\"L\"}]}").item(0).getAsJsonObject("data")
                .get("sid").getAsString();
        RawHttp.Reply tooMany = http.post(lists + "/" + sid + "/contacts", many.append("]}").toString());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorCode()).isEqualTo(1002);
        RawHttp.Reply badReference = http.post(lists + "/" + sid + "/contacts",
                "{\"contact_references\":[{\"sid\":\"x\"},{\"contact_sid\":null}]}");
        assertThat(code(badReference, 0)).isEqualTo(1002);
        assertThat(code(badReference, 1)).isEqualTo(1001);
        assertThat(http.send("POST", lists, "{\"lists\":[{\"name\":\"n\"}]}", "text/plain").errorCode())
                .isEqualTo(1011);
    }

    @Test
    void pagingSortingMethodsAndUnknownListsAnswerAsContactsDo() {
        assertThat(http.get(lists + "?limit=21").errorCode()).isEqualTo(1002);
        assertThat(http.get(lists + "?sort_by=name:desc").errorCode()).isEqualTo(1002);
        RawHttp.Reply wrongMethod = http.delete(lists);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.response().headers().firstValue("Allow")).contains("GET, POST, PUT");
        String unknown = lists + "/ffffffffffffffffffffffffffffffff";
        assertThat(http.get(unknown).status()).isEqualTo(404);
        assertThat(http.get(unknown + "/contacts").status()).isEqualTo(404);
        assertThat(http.delete(unknown + "/contacts/abc").status()).isEqualTo(404);
        assertThat(http.put(unknown, "{\"name\":\"x\"}").errorCode()).isEqualTo(1000);
        assertThat(http.put(unknown, "{}").errorCode()).isEqualTo(1001);
        assertThat(http.withAuthorization(null).get(lists).status()).isEqualTo(401);
    }

    private static int code(RawHttp.Reply reply, int index) {
        return reply.item(index).getAsJsonObject("error_data").get("code").getAsInt();
    }
}
