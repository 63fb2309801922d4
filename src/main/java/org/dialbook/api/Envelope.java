package org.dialbook.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonIOException;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The response envelope {@code {request_id, method, http_code, metadata?, response}}. Single-resource
 * calls carry one item as an object in {@code response}; bulk and list calls carry an array.
 *
 * <p>Read as a stream with {@link JsonReader}: a 5000-item answer is never built as a Gson tree.
 * Each item's {@code data} is read by a {@link DataMode}: kept as a tree (small answers, and output
 * that must keep every field as sent), or read straight into a {@link Contact} (the bulk calls).
 *
 * @param items the items of {@code response}, in the server's order
 * @param single true when {@code response} was an object rather than an array
 * @param envelopeError an {@code error_data} found at envelope level rather than in an item, or null
 */
record Envelope(String requestId, int httpCode, JsonObject metadata, List<Item> items, boolean single,
        ApiError envelopeError) {

    /** How an item's {@code data} object is read. */
    enum DataMode {
        /** Into a {@link JsonObject}, as sent. */
        TREE,
        /** Straight into a {@link Contact}; no tree is built. */
        CONTACT,
        /** Only the contact's {@code sid} and {@code number}; the rest is skipped. */
        SID_AND_NUMBER
    }

    /**
     * One {@code {code, error_data, status, data}} item.
     *
     * @param data the {@code data} object as a tree ({@link DataMode#TREE}), else null
     * @param contact the contact read from {@code data} ({@link DataMode#CONTACT}), else null
     * @param unreadable why {@code data} could not be read as a contact ({@link DataMode#CONTACT}), else null
     */
    record Item(int code, boolean success, ApiError error, JsonObject data, Contact contact, String unreadable) {

        /** True when the item carried a {@code data} object. */
        boolean hasData() {
            return data != null || contact != null || unreadable != null;
        }

        /**
         * The item's contact, however it was read.
         *
         * @throws JsonParseException naming the field when a value has the wrong type
         */
        Contact readContact() {
            if (contact != null) {
                return contact;
            }
            if (unreadable != null) {
                throw new JsonParseException(unreadable);
            }
            return data == null ? null : ContactJson.fromJson(data);
        }
    }

    /**
     * Parses a body, keeping each {@code data} as a tree. A body that is not the envelope gives a
     * {@link JsonParseException} whose message names what was wrong; the caller turns it into a
     * {@link TransportException}.
     */
    static Envelope parse(String body, int httpStatus) {
        return parse(new StringReader(body), httpStatus, DataMode.TREE);
    }

    /** As {@link #parse(String, int)}, reading each {@code data} as the given mode says. */
    static Envelope parse(String body, int httpStatus, DataMode mode) {
        return parse(new StringReader(body), httpStatus, mode);
    }

    /** As {@link #parse(String, int)}, from a stream; the reader is not closed. */
    static Envelope parse(Reader body, int httpStatus, DataMode mode) {
        JsonReader in = new JsonReader(body);
        // As lenient as JsonParser.parseString was, so that answers accepted before still are.
        in.setStrictness(Strictness.LENIENT);
        try {
            JsonToken first;
            try {
                first = in.peek();
            } catch (java.io.EOFException empty) {
                throw new JsonParseException("the body is empty, not the response envelope object");
            }
            if (first != JsonToken.BEGIN_OBJECT) {
                // Not an envelope: read it whole, so that "<html>..." is "not valid JSON", as before.
                JsonElement root = JsonParser.parseReader(in);
                if (!root.isJsonNull() && in.peek() != JsonToken.END_DOCUMENT) {
                    throw new IOException("more after the value");
                }
                throw new JsonParseException("the body is " + (root.isJsonNull() ? "empty" : ContactJson.kind(root))
                        + ", not the response envelope object");
            }
            Envelope envelope = new Reading(httpStatus, mode).envelope(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("more after the envelope");
            }
            return envelope;
        } catch (IOException | IllegalStateException | NumberFormatException | JsonSyntaxException
                | JsonIOException e) {
            throw new JsonParseException("the body is not valid JSON (truncated or not JSON at all)");
        }
    }

    /** The error that describes a failed single-resource call or a rejected bulk call. */
    ApiError firstError() {
        if (envelopeError != null) {
            return envelopeError;
        }
        return items.stream().map(Item::error).filter(e -> e != null).findFirst().orElse(null);
    }

    int metadataInt(String name, int fallback) {
        if (metadata == null || !(metadata.get(name) instanceof JsonPrimitive value)
                || !value.isNumber()) {
            return fallback;
        }
        return value.getAsInt();
    }

    static String kind(JsonToken token) {
        switch (token) {
            case BEGIN_OBJECT:
                return "an object";
            case BEGIN_ARRAY:
                return "an array";
            case NULL:
                return "null";
            default:
                return "a value";
        }
    }

    /**
     * One pass over one body. {@code http_code} may come after {@code response}, and it is the
     * fallback for items without a {@code code}, so items are finished once the object is read.
     */
    private static final class Reading {
        private final int httpStatus;
        private final DataMode mode;

        Reading(int httpStatus, DataMode mode) {
            this.httpStatus = httpStatus;
            this.mode = mode;
        }

        Envelope envelope(JsonReader in) throws IOException {
            String requestId = null;
            Integer httpCode = null;
            JsonObject metadata = null;
            List<RawItem> raw = new ArrayList<>();
            boolean single = false;
            RawError envelopeError = null;
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "request_id":
                        requestId = text(in);
                        break;
                    case "http_code":
                        httpCode = integer(in);
                        break;
                    case "metadata":
                        metadata = in.peek() == JsonToken.BEGIN_OBJECT
                                ? JsonParser.parseReader(in).getAsJsonObject() : skip(in, null);
                        break;
                    case "response":
                        // A repeated key replaces the earlier value, as a Gson tree would.
                        raw = new ArrayList<>();
                        single = readResponse(in, raw);
                        break;
                    case "error_data":
                        envelopeError = error(in);
                        break;
                    default:
                        in.skipValue();
                }
            }
            in.endObject();
            int code = httpCode != null ? httpCode : httpStatus;
            List<Item> items = new ArrayList<>(raw.size());
            for (RawItem item : raw) {
                items.add(item.finish(code));
            }
            return new Envelope(requestId, code, metadata, items, single,
                    envelopeError == null ? null : envelopeError.finish(code));
        }

        /** Reads {@code response} into {@code out}; true when it was a single object. */
        private boolean readResponse(JsonReader in, List<RawItem> out) throws IOException {
            JsonToken token = in.peek();
            if (token == JsonToken.BEGIN_ARRAY) {
                in.beginArray();
                while (in.hasNext()) {
                    JsonToken element = in.peek();
                    if (element != JsonToken.BEGIN_OBJECT) {
                        throw new JsonParseException("an item of 'response' is " + kind(element) + ", not an object");
                    }
                    out.add(item(in));
                }
                in.endArray();
                return false;
            }
            if (token == JsonToken.BEGIN_OBJECT) {
                out.add(item(in));
                return true;
            }
            if (token == JsonToken.NULL) {
                in.nextNull();
                return false;
            }
            throw new JsonParseException("'response' is " + kind(token) + ", not an object or array");
        }

        private RawItem item(JsonReader in) throws IOException {
            RawItem item = new RawItem();
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "code":
                        item.code = integer(in);
                        break;
                    case "status":
                        item.status = text(in);
                        break;
                    case "error_data":
                        item.error = error(in);
                        break;
                    case "data":
                        readData(in, item);
                        break;
                    default:
                        in.skipValue();
                }
            }
            in.endObject();
            return item;
        }

        private void readData(JsonReader in, RawItem item) throws IOException {
            item.data = null;
            item.contact = null;
            item.unreadable = null;
            if (in.peek() != JsonToken.BEGIN_OBJECT) {
                in.skipValue();
            } else if (mode == DataMode.TREE) {
                item.data = JsonParser.parseReader(in).getAsJsonObject();
            } else {
                ContactJson.Read read = mode == DataMode.CONTACT ? ContactJson.read(in)
                        : ContactJson.readSidAndNumber(in);
                item.contact = read.contact();
                item.unreadable = read.problem();
            }
        }
    }

    /** An item before the envelope's {@code http_code} is known. */
    private static final class RawItem {
        private Integer code;
        private String status;
        private RawError error;
        private JsonObject data;
        private Contact contact;
        private String unreadable;

        Item finish(int httpCode) {
            int itemCode = code != null ? code : httpCode;
            ApiError apiError = error == null ? null : error.finish(itemCode);
            boolean success = status != null ? status.equalsIgnoreCase("success") : apiError == null && itemCode < 300;
            return new Item(itemCode, success, apiError, data, contact, unreadable);
        }
    }

    private record RawError(Integer code, String message, String description) {
        ApiError finish(int httpCode) {
            return new ApiError(httpCode, code, message, description);
        }
    }

    /** {@code error_data}: an object, else no error. */
    private static RawError error(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.BEGIN_OBJECT) {
            in.skipValue();
            return null;
        }
        Integer code = null;
        String message = null;
        String description = null;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "code":
                    String value = text(in);
                    // Some error payloads quote the code; accept "1000" as 1000.
                    code = value != null && value.trim().matches("\\d{1,9}") ? Integer.valueOf(value.trim()) : null;
                    break;
                case "message":
                    message = text(in);
                    break;
                case "description":
                    description = text(in);
                    break;
                default:
                    in.skipValue();
            }
        }
        in.endObject();
        return new RawError(code, message, description);
    }

    /** A string, number or boolean as text (as Gson's {@code getAsString}); null for anything else. */
    static String text(JsonReader in) throws IOException {
        switch (in.peek()) {
            case STRING:
            case NUMBER:
                return in.nextString();
            case BOOLEAN:
                return Boolean.toString(in.nextBoolean());
            default:
                return skip(in, null);
        }
    }

    /** A JSON number as an int the way Gson's {@code getAsInt} reads it; null for anything else. */
    private static Integer integer(JsonReader in) throws IOException {
        if (in.peek() != JsonToken.NUMBER) {
            return skip(in, null);
        }
        String number = in.nextString();
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException notInt) {
            try {
                return (int) Long.parseLong(number);
            } catch (NumberFormatException notLong) {
                return new BigDecimal(number).intValue();
            }
        }
    }

    private static <T> T skip(JsonReader in, T value) throws IOException {
        in.skipValue();
        return value;
    }
}
