package org.dialbook.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * The streamed envelope reads the same contacts as the tree it replaced, item by item: a bad item
 * names its field without spoiling its neighbours, and the request body is byte-for-byte what the
 * Gson tree wrote.
 */
class EnvelopeStreamTest {
    private static final String GOOD = "{\"sid\":\"a1\",\"number\":\"+919101234510\",\"first_name\":\"Asha\","
            + "\"last_name\":null,\"tag\":7,\"custom_field\":{\"city\":\"Pune\"},\"custom\":{\"ignored\":true},"
            + "\"date_created\":\"2026-11-30T21:12:33Z\",\"date_updated\":\"2026-11-30T21:12:33.5+05:30\","
            + "\"account_sid\":\"acct\",\"uri\":\"/v2/accounts/acct/contacts/a1\",\"extra\":[1,{\"x\":2}]}";

    private static String bulk(String... data) {
        StringBuilder items = new StringBuilder();
        for (String d : data) {
            items.append(items.length() == 0 ? "" : ",").append("{\"code\":200,\"status\":\"success\",\"error_data\":null,"
                    + "\"data\":").append(d).append('}');
        }
        // http_code after response: items without a code still fall back to it.
        return "{\"request_id\":\"r1\",\"method\":\"POST\",\"response\":[" + items
                + ",{\"status\":\"failure\",\"error_data\":{\"code\":\"1002\",\"message\":\"Bad\"},\"data\":null}],"
                + "\"metadata\":{\"failed\":1,\"total\":3,\"success\":2},\"http_code\":207}";
    }

    @Test
    void streamedContactsEqualTheTreeReading() {
        String body = bulk(GOOD, GOOD.replace("a1", "a2"));
        Envelope tree = Envelope.parse(body, 207);
        Envelope stream = Envelope.parse(body, 207, Envelope.DataMode.CONTACT);

        assertThat(stream.items()).hasSize(3);
        for (int i = 0; i < 2; i++) {
            assertThat(stream.items().get(i).readContact()).isEqualTo(ContactJson.fromJson(tree.items().get(i).data()));
        }
        Contact first = stream.items().get(0).readContact();
        assertThat(first.customField().getAsJsonObject().get("city").getAsString()).isEqualTo("Pune");
        assertThat(first.tag()).isEqualTo("7");
        assertThat(first.lastName()).isNull();
        Envelope.Item failed = stream.items().get(2);
        assertThat(failed.success()).isFalse();
        assertThat(failed.code()).isEqualTo(207);
        assertThat(failed.error().code()).isEqualTo(1002);
        assertThat(failed.hasData()).isFalse();
        assertThat(stream.metadataInt("total", -1)).isEqualTo(3);
        assertThat(stream.requestId()).isEqualTo("r1");
    }

    @Test
    void aBadFieldSpoilsOnlyItsOwnItemWithTheTreeReadersMessage() {
        String bad = GOOD.replace("\"number\":\"+919101234510\"", "\"number\":{\"oops\":1}");
        String badTime = GOOD.replace("2026-11-30T21:12:33Z", "yesterday");
        Envelope stream = Envelope.parse(bulk(bad, badTime, GOOD), 207, Envelope.DataMode.CONTACT);
        Envelope tree = Envelope.parse(bulk(bad, badTime, GOOD), 207);

        for (int i = 0; i < 2; i++) {
            Envelope.Item item = stream.items().get(i);
            assertThat(item.hasData()).isTrue();
            JsonParseException expected = null;
            try {
                ContactJson.fromJson(tree.items().get(i).data());
            } catch (JsonParseException e) {
                expected = e;
            }
            assertThat(expected).isNotNull();
            assertThatThrownBy(item::readContact).isInstanceOf(JsonParseException.class)
                    .hasMessage(expected.getMessage());
        }
        assertThat(stream.items().get(0).unreadable()).isEqualTo("field 'number' should be text but is an object");
        assertThat(stream.items().get(1).unreadable()).isEqualTo("field 'date_created' is not an RFC 3339 time: 'yesterday'");
        assertThat(stream.items().get(2).readContact().sid()).isEqualTo("a1");
    }

    @Test
    void aRepeatedKeyKeepsTheLastValueAsATreeWould() {
        String data = "{\"number\":{\"bad\":1},\"number\":\"+919101234510\",\"custom_field\":null,\"custom\":{\"a\":1}}";
        Contact contact = Envelope.parse(bulk(data), 207, Envelope.DataMode.CONTACT).items().get(0).readContact();

        assertThat(contact.number()).isEqualTo("+919101234510");
        // custom_field present (even as null) wins over the alias, as in the tree reader.
        assertThat(contact.customField()).isNull();
    }

    @Test
    void theSidReaderKeepsSidAndNumberAndTheSameProblemsForThemAndSkipsTheRest() {
        String badNumber = GOOD.replace("\"number\":\"+919101234510\"", "\"number\":{\"oops\":1}");
        String badSid = GOOD.replace("\"sid\":\"a1\"", "\"sid\":[1]");
        String repeated = "{\"sid\":{\"bad\":1},\"sid\":\"a3\",\"number\":\"+919101234512\",\"lists\":[{\"x\":1}]}";
        String body = bulk(GOOD, badNumber, badSid, repeated);
        Envelope full = Envelope.parse(body, 207, Envelope.DataMode.CONTACT);
        Envelope lean = Envelope.parse(body, 207, Envelope.DataMode.SID_AND_NUMBER);

        assertThat(lean.items()).hasSize(5);
        Contact first = lean.items().get(0).readContact();
        assertThat(first.sid()).isEqualTo(full.items().get(0).readContact().sid()).isEqualTo("a1");
        assertThat(first.number()).isEqualTo("+919101234510");
        assertThat(first.firstName()).isNull();
        assertThat(first.dateCreated()).isNull();
        assertThat(first.customField()).isNull();
        for (int i = 1; i < 3; i++) {
            assertThat(lean.items().get(i).unreadable()).isEqualTo(full.items().get(i).unreadable()).isNotNull();
        }
        assertThat(lean.items().get(3).readContact().sid()).isEqualTo(full.items().get(3).readContact().sid())
                .isEqualTo("a3");
        for (int i = 0; i < 5; i++) {
            assertThat(lean.items().get(i).success()).isEqualTo(full.items().get(i).success());
            assertThat(lean.items().get(i).code()).isEqualTo(full.items().get(i).code());
            assertThat(lean.items().get(i).hasData()).isEqualTo(full.items().get(i).hasData());
        }
        assertThat(lean.items().get(4).error()).isEqualTo(full.items().get(4).error());
    }

    @Test
    void notAnEnvelopeIsNamed() {
        assertThatThrownBy(() -> Envelope.parse("", 200, Envelope.DataMode.CONTACT))
                .hasMessage("the body is empty, not the response envelope object");
        assertThatThrownBy(() -> Envelope.parse("[1]", 200, Envelope.DataMode.CONTACT))
                .hasMessage("the body is an array, not the response envelope object");
        assertThatThrownBy(() -> Envelope.parse("{\"response\":[1]}", 200, Envelope.DataMode.CONTACT))
                .hasMessage("an item of 'response' is a value, not an object");
        assertThatThrownBy(() -> Envelope.parse("{\"response\":\"x\"}", 200, Envelope.DataMode.CONTACT))
                .hasMessage("'response' is a value, not an object or array");
        assertThatThrownBy(() -> Envelope.parse(bulk(GOOD).substring(0, 120), 207, Envelope.DataMode.CONTACT))
                .hasMessage("the body is not valid JSON (truncated or not JSON at all)");
        assertThatThrownBy(() -> Envelope.parse("{} {}", 200, Envelope.DataMode.CONTACT))
                .hasMessage("the body is not valid JSON (truncated or not JSON at all)");
    }

    @Test
    void theStreamedBodyIsTheBytesTheTreeWrote() throws IOException {
        NewContact full = NewContact.builder("+919101234510").firstName("Ä \"quoted\" <b>").lastName("L")
                .companyName("C\u2028").email("e@x.in").tag("t")
                .customField(com.google.gson.JsonParser.parseString("{\"n\":null,\"k\":[1,2.5,\"x\"]}")).build();
        NewContact bare = NewContact.of("+919101234511");
        List<ContactJson.ItemWriter> items = List.of(out -> ContactJson.write(out, full),
                out -> ContactJson.write(out, bare));
        JsonRequestBody body = ContactJson.bulkBody(items);
        Buffer sent = new Buffer();
        body.writeTo(sent);
        Buffer again = new Buffer();
        body.writeTo(again);

        com.google.gson.JsonArray array = new com.google.gson.JsonArray();
        array.add(ContactJson.toJson(full));
        array.add(ContactJson.toJson(bare));
        com.google.gson.JsonObject tree = new com.google.gson.JsonObject();
        tree.add("contacts", array);
        String expected = tree.toString();

        assertThat(sent.readString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(again.readString(StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(body.contentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(body.contentType()).hasToString("application/json");
    }
}
