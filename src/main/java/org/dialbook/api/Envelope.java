package org.dialbook.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * The response envelope {@code {request_id, method, http_code, metadata?, response}}. Single-resource
 * calls carry one item as an object in {@code response}; bulk and list calls carry an array.
 *
 * @param items the items of {@code response}, in the server's order
 * @param single true when {@code response} was an object rather than an array
 * @param envelopeError an {@code error_data} found at envelope level rather than in an item, or null
 */
record Envelope(String requestId, int httpCode, JsonObject metadata, List<Item> items, boolean single,
        ApiError envelopeError) {

    /** One {@code {code, error_data, status, data}} item. */
    record Item(int code, boolean success, ApiError error, JsonObject data) {
    }

    /**
     * Parses a body. A body that is not the envelope gives a {@link JsonParseException} whose
     * message names what was wrong; the caller turns it into a {@link TransportException}.
     */
    static Envelope parse(String body, int httpStatus) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new JsonParseException("the body is not valid JSON (truncated or not JSON at all)");
        }
        if (!root.isJsonObject()) {
            throw new JsonParseException("the body is " + (root.isJsonNull() ? "empty" : ContactJson.kind(root))
                    + ", not the response envelope object");
        }
        JsonObject envelope = root.getAsJsonObject();
        String requestId = text(envelope.get("request_id"));
        int httpCode = integer(envelope.get("http_code"), httpStatus);
        JsonObject metadata = envelope.get("metadata") instanceof JsonObject meta ? meta : null;
        JsonElement response = envelope.get("response");
        List<Item> items = new ArrayList<>();
        boolean single = false;
        if (response instanceof JsonArray array) {
            for (JsonElement element : array) {
                items.add(item(element, httpCode));
            }
        } else if (response instanceof JsonObject object) {
            single = true;
            items.add(item(object, httpCode));
        } else if (response != null && !response.isJsonNull()) {
            throw new JsonParseException("'response' is " + ContactJson.kind(response) + ", not an object or array");
        }
        ApiError envelopeError = error(envelope.get("error_data"), httpCode);
        return new Envelope(requestId, httpCode, metadata, items, single, envelopeError);
    }

    /** The error that describes a failed single-resource call or a rejected bulk call. */
    ApiError firstError() {
        if (envelopeError != null) {
            return envelopeError;
        }
        return items.stream().map(Item::error).filter(e -> e != null).findFirst().orElse(null);
    }

    int metadataInt(String name, int fallback) {
        return metadata == null ? fallback : integer(metadata.get(name), fallback);
    }

    private static Item item(JsonElement element, int fallbackCode) {
        if (!(element instanceof JsonObject object)) {
            throw new JsonParseException("an item of 'response' is " + ContactJson.kind(element) + ", not an object");
        }
        int code = integer(object.get("code"), fallbackCode);
        String status = text(object.get("status"));
        ApiError error = error(object.get("error_data"), code);
        boolean success = status != null ? status.equalsIgnoreCase("success") : error == null && code < 300;
        JsonObject data = object.get("data") instanceof JsonObject d ? d : null;
        return new Item(code, success, error, data);
    }

    private static ApiError error(JsonElement element, int httpCode) {
        if (!(element instanceof JsonObject object)) {
            return null;
        }
        JsonElement code = object.get("code");
        Integer errorCode = null;
        if (code != null && code.isJsonPrimitive() && code.getAsString().trim().matches("\\d{1,9}")) {
            // Some error payloads quote the code; accept "1000" as 1000.
            errorCode = Integer.valueOf(code.getAsString().trim());
        }
        return new ApiError(httpCode, errorCode, text(object.get("message")), text(object.get("description")));
    }

    private static String text(JsonElement element) {
        return element != null && element.isJsonPrimitive() ? element.getAsString() : null;
    }

    private static int integer(JsonElement element, int fallback) {
        if (element != null && element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber()) {
            return element.getAsInt();
        }
        return fallback;
    }
}
