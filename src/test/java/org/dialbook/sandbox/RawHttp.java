package org.dialbook.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bare HTTP client for wire-level tests of the sandbox; deliberately not the typed client. */
final class RawHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final String accountSid;
    private final String authorization;

    RawHttp(SandboxServer server) {
        this(server, server.defaultAccount());
    }

    RawHttp(SandboxServer server, SandboxAccount account) {
        this(server.baseUrl(), account.accountSid(), basic(account.apiKey(), account.apiToken()));
    }

    RawHttp(URI base, String accountSid, String authorization) {
        this.base = base;
        this.accountSid = accountSid;
        this.authorization = authorization;
    }

    static String basic(String key, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((key + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    RawHttp withAuthorization(String header) {
        return new RawHttp(base, accountSid, header);
    }

    RawHttp forAccountPath(String otherSid) {
        return new RawHttp(base, otherSid, authorization);
    }

    String contacts() {
        return "/v2/accounts/" + accountSid + "/contacts";
    }

    Reply get(String pathAndQuery) {
        return sendBytes("GET", pathAndQuery, null, null);
    }

    Reply delete(String path) {
        return sendBytes("DELETE", path, null, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    Reply send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed by Gson (an independent parser from the sandbox's own). */
    record Reply(HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonObject json() {
            return JsonParser.parseString(response.body()).getAsJsonObject();
        }

        /** The single item of a one-resource call. */
        JsonObject item() {
            return json().getAsJsonObject("response");
        }

        JsonObject data() {
            return item().getAsJsonObject("data");
        }

        JsonArray items() {
            return json().getAsJsonArray("response");
        }

        JsonObject item(int index) {
            return items().get(index).getAsJsonObject();
        }

        JsonObject metadata() {
            return json().getAsJsonObject("metadata");
        }

        /** error_data.code of the single item, or null. */
        Integer errorCode() {
            JsonElement code = item().getAsJsonObject("error_data").get("code");
            return code.isJsonNull() ? null : code.getAsInt();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
