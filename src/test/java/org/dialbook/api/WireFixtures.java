package org.dialbook.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Shared helpers for the wire-shape tests: settings for a MockWebServer, seed bodies, envelopes. */
final class WireFixtures {
    static final String ACCOUNT = "exotel8u3";
    static final String KEY = "key-4f2a";
    static final String TOKEN = "tok-SECRET-9c1e77";
    static final String AUTHORIZATION = "Basic "
            + Base64.getEncoder().encodeToString((KEY + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
    static final String CONTACTS_PATH = "/v2/accounts/" + ACCOUNT + "/contacts";

    private WireFixtures() {
    }

    static ConnectionSettings settings(MockWebServer server) {
        return ConnectionSettings.forBaseUrl(server.url("/").toString(), ACCOUNT, KEY, TOKEN);
    }

    /** A client that records its waits instead of sleeping. */
    static ContactsClient client(MockWebServer server, RetryPolicy policy, List<Duration> sleeps) {
        return ContactsClient.builder(settings(server)).retryPolicy(policy).sleeper(sleeps::add).build();
    }

    /** A response body copied verbatim from the vendor's page (see src/test/resources/.../seed). */
    static String seed(String name) {
        try (InputStream in = WireFixtures.class.getResourceAsStream("seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static String errorEnvelope(String method, int httpCode, Integer errorCode, String message, String description) {
        JsonObject item = new JsonObject();
        item.addProperty("code", httpCode);
        JsonObject error = new JsonObject();
        error.addProperty("code", errorCode);
        error.addProperty("message", message);
        error.addProperty("description", description);
        item.add("error_data", error);
        item.addProperty("status", "failure");
        item.add("data", null);
        return envelope(method, httpCode, null, item).toString();
    }

    static JsonObject envelope(String method, int httpCode, JsonObject metadata, JsonElement response) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("request_id", "0123456789abcdef0123456789abcdef");
        envelope.addProperty("method", method);
        envelope.addProperty("http_code", httpCode);
        if (metadata != null) {
            envelope.add("metadata", metadata);
        }
        envelope.add("response", response);
        return envelope;
    }

    static JsonObject contactData(String sid, String number) {
        JsonObject data = new JsonObject();
        data.addProperty("sid", sid);
        data.addProperty("date_created", "2021-05-23T08:21:30Z");
        data.addProperty("date_updated", "2021-05-23T08:21:30Z");
        data.addProperty("account_sid", ACCOUNT);
        data.addProperty("number", number);
        data.add("first_name", null);
        data.add("custom_field", null);
        data.addProperty("uri", CONTACTS_PATH + "/" + sid);
        return data;
    }

    static JsonObject successItem(JsonObject data) {
        JsonObject item = new JsonObject();
        item.addProperty("code", 200);
        item.add("error_data", null);
        item.addProperty("status", "success");
        item.add("data", data);
        return item;
    }

    static JsonObject failureItem(int code, Integer errorCode, String message) {
        JsonObject item = new JsonObject();
        item.addProperty("code", code);
        JsonObject error = new JsonObject();
        error.addProperty("code", errorCode);
        error.addProperty("message", message);
        error.addProperty("description", message);
        item.add("error_data", error);
        item.addProperty("status", "failure");
        return item;
    }

    /** A 207 answering every item of a bulk create with success, echoing its number. */
    static String echoCreated(JsonArray sent) {
        JsonArray response = new JsonArray();
        for (JsonElement element : sent) {
            String number = element.getAsJsonObject().get("number").getAsString();
            response.add(successItem(contactData(sidFor(number), number)));
        }
        JsonObject metadata = new JsonObject();
        metadata.addProperty("failed", 0);
        metadata.addProperty("total", sent.size());
        metadata.addProperty("success", sent.size());
        return envelope("POST", 207, metadata, response).toString();
    }

    static String sidFor(String number) {
        String digits = number.replaceAll("\\D", "");
        return "0".repeat(Math.max(0, 32 - digits.length())) + digits;
    }

    static JsonElement body(RecordedRequest request) {
        return JsonParser.parseString(request.getBody() == null ? "" : request.getBody().utf8());
    }

    static JsonArray sentContacts(RecordedRequest request) {
        return body(request).getAsJsonObject().getAsJsonArray("contacts");
    }

    static List<String> numbers(JsonArray contacts) {
        List<String> numbers = new ArrayList<>();
        contacts.forEach(c -> numbers.add(c.getAsJsonObject().get("number").getAsString()));
        return numbers;
    }

    static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}
