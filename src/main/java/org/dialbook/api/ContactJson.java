package org.dialbook.api;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Maps contacts to and from their wire JSON. Field names follow docs/CONTRACT.md. Bulk bodies are written
 * and bulk answers read as streams: no Gson tree and no body-sized string for 5000 contacts.
 */
final class ContactJson {
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);
    /** The order in which {@link #fromJson} reads fields, so that both readers name the same first problem. */
    private static final List<String> FIELD_ORDER = List.of("sid", "number", "first_name", "last_name",
            "company_name", "email", "tag", "custom_field", "custom", "date_created", "date_updated", "account_sid",
            "uri", "lists");

    private ContactJson() {
    }

    /** Writes one item of a request body. */
    @FunctionalInterface
    interface ItemWriter {
        void write(JsonWriter out) throws IOException;
    }

    /** A contact read from a stream, or why it could not be read. */
    record Read(Contact contact, String problem) {
    }

    static JsonObject toJson(NewContact contact) {
        JsonObject json = new JsonObject();
        json.addProperty("number", contact.number());
        addIfPresent(json, "first_name", contact.firstName());
        addIfPresent(json, "last_name", contact.lastName());
        addIfPresent(json, "company_name", contact.companyName());
        addIfPresent(json, "email", contact.email());
        addIfPresent(json, "tag", contact.tag());
        if (contact.customField() != null && !contact.customField().isJsonNull()) {
            // deepCopy: the request body must not share mutable Gson trees with the caller.
            json.add("custom_field", contact.customField().deepCopy());
        }
        return json;
    }

    /** Writes what {@link #toJson(NewContact)} holds, in the same order, with no tree in between. */
    static void write(JsonWriter out, NewContact contact) throws IOException {
        out.beginObject();
        out.name("number").value(contact.number());
        writeIfPresent(out, "first_name", contact.firstName());
        writeIfPresent(out, "last_name", contact.lastName());
        writeIfPresent(out, "company_name", contact.companyName());
        writeIfPresent(out, "email", contact.email());
        writeIfPresent(out, "tag", contact.tag());
        if (contact.customField() != null && !contact.customField().isJsonNull()) {
            out.name("custom_field");
            ELEMENT.write(out, contact.customField());
        }
        out.endObject();
    }

    /** Writes a tree, keeping JSON nulls (a patch clears a field with null). */
    static void write(JsonWriter out, JsonElement tree) throws IOException {
        ELEMENT.write(out, tree);
    }

    static JsonObject toJson(ContactPatch patch) {
        JsonObject json = new JsonObject();
        patch.changes().forEach((field, value) -> json.add(field.wireName(), value.deepCopy()));
        return json;
    }

    static JsonObject toJson(ContactUpdate update) {
        JsonObject json = new JsonObject();
        json.addProperty("sid", update.sid());
        toJson(update.patch()).entrySet().forEach(entry -> json.add(entry.getKey(), entry.getValue()));
        return json;
    }

    /**
     * {@code {"contacts":[...]}} as UTF-8 bytes, written item by item. The bytes are kept (about 70 a
     * contact) rather than streamed to the socket as they are made, so the request still carries a
     * Content-Length (some gateways refuse chunked uploads) and can be sent again on a retry.
     */
    static JsonRequestBody bulkBody(Iterable<? extends ItemWriter> items) {
        Buffer buffer = new Buffer();
        // Buffered: JsonWriter writes token by token, and each bare OutputStreamWriter.write wraps a CharBuffer.
        try (Writer chars = new BufferedWriter(new OutputStreamWriter(buffer.outputStream(), StandardCharsets.UTF_8),
                    16 * 1024);
                JsonWriter out = new JsonWriter(chars)) {
            // As JsonElement.toString() writes, so the bytes are the same as before.
            out.setStrictness(Strictness.LENIENT);
            out.beginObject().name("contacts").beginArray();
            for (ItemWriter item : items) {
                item.write(out);
            }
            out.endArray().endObject();
        } catch (IOException e) {
            // Only memory is written to; an IOException here is a bug in an item writer.
            throw new UncheckedIOException("Could not write the request body", e);
        }
        return new JsonRequestBody(buffer);
    }

    /**
     * Reads a contact from {@code data}.
     *
     * @throws JsonParseException naming the field when a value has the wrong type
     */
    static Contact fromJson(JsonObject data) {
        JsonElement custom = data.has("custom_field") ? data.get("custom_field") : data.get("custom");
        return new Contact(
                string(data, "sid"),
                string(data, "number"),
                string(data, "first_name"),
                string(data, "last_name"),
                string(data, "company_name"),
                string(data, "email"),
                string(data, "tag"),
                custom == null || custom.isJsonNull() ? null : custom.deepCopy(),
                time(data, "date_created"),
                time(data, "date_updated"),
                string(data, "account_sid"),
                string(data, "uri"),
                nullable(data.get("lists")));
    }

    /**
     * Reads a contact from the {@code data} object at the reader's position, consuming all of it. A
     * value of the wrong type does not stop the read: the contact is dropped and the problem named,
     * in the words {@link #fromJson} uses. A repeated key replaces the earlier value, as in a tree.
     */
    /**
     * Reads only {@code sid} and {@code number} of a contact object and skips the rest: for a job that
     * records which contact each row became, where reading every field of 5000 contacts was most of
     * the time between two requests. The other fields of the contact are null; {@code sid} and
     * {@code number} are checked as {@link #read} checks them.
     */
    static Read readSidAndNumber(JsonReader in) throws IOException {
        String sid = null;
        String number = null;
        String sidProblem = null;
        String numberProblem = null;
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            boolean isSid = name.equals("sid");
            if (!isSid && !name.equals("number")) {
                in.skipValue();
                continue;
            }
            JsonToken token = in.peek();
            String value = null;
            String problem = null;
            if (token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) {
                in.skipValue();
                problem = "field '" + name + "' should be text but is " + Envelope.kind(token);
            } else {
                value = Envelope.text(in);
            }
            // A repeated key replaces the earlier value and its problem, as in read.
            if (isSid) {
                sid = value;
                sidProblem = problem;
            } else {
                number = value;
                numberProblem = problem;
            }
        }
        in.endObject();
        if (sidProblem != null || numberProblem != null) {
            return new Read(null, sidProblem != null ? sidProblem : numberProblem);
        }
        return new Read(new Contact(sid, number, null, null, null, null, null, null, null, null, null, null, null),
                null);
    }

    static Read read(JsonReader in) throws IOException {
        Map<String, String> values = new HashMap<>(16);
        Map<String, String> problems = null;
        JsonElement customField = null;
        boolean customFieldSeen = false;
        JsonElement customAlias = null;
        JsonElement lists = null;
        in.beginObject();
        while (in.hasNext()) {
            String name = in.nextName();
            String problem = null;
            switch (name) {
                case "custom_field":
                    customField = element(in);
                    customFieldSeen = true;
                    break;
                case "custom":
                    customAlias = element(in);
                    break;
                case "lists":
                    lists = element(in);
                    break;
                case "sid", "number", "first_name", "last_name", "company_name", "email", "tag", "account_sid", "uri",
                        "date_created", "date_updated":
                    JsonToken token = in.peek();
                    if (token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) {
                        in.skipValue();
                        values.remove(name);
                        problem = "field '" + name + "' should be text but is " + Envelope.kind(token);
                    } else {
                        values.put(name, Envelope.text(in));
                    }
                    break;
                default:
                    in.skipValue();
            }
            if (problem != null || (problems != null && problems.containsKey(name))) {
                problems = problems == null ? new HashMap<>() : problems;
                problems.put(name, problem);
            }
        }
        in.endObject();
        String firstProblem = firstProblem(problems);
        if (firstProblem != null) {
            return new Read(null, firstProblem);
        }
        OffsetDateTime created;
        OffsetDateTime updated;
        try {
            created = time("date_created", values.get("date_created"));
            updated = time("date_updated", values.get("date_updated"));
        } catch (JsonParseException e) {
            return new Read(null, e.getMessage());
        }
        JsonElement custom = customFieldSeen ? customField : customAlias;
        return new Read(new Contact(values.get("sid"), values.get("number"), values.get("first_name"),
                values.get("last_name"), values.get("company_name"), values.get("email"), values.get("tag"), custom,
                created, updated, values.get("account_sid"), values.get("uri"), lists), null);
    }

    private static String firstProblem(Map<String, String> problems) {
        if (problems == null) {
            return null;
        }
        for (String field : FIELD_ORDER) {
            String problem = problems.get(field);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Any JSON value as a tree; JSON null as null. */
    private static JsonElement element(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return null;
        }
        return JsonParser.parseReader(in);
    }

    private static void addIfPresent(JsonObject json, String name, String value) {
        if (value != null) {
            json.addProperty(name, value);
        }
    }

    private static void writeIfPresent(JsonWriter out, String name, String value) throws IOException {
        if (value != null) {
            out.name(name).value(value);
        }
    }

    private static JsonElement nullable(JsonElement element) {
        return element == null || element.isJsonNull() ? null : element.deepCopy();
    }

    private static String string(JsonObject data, String name) {
        JsonElement value = data.get(name);
        if (value == null || value instanceof JsonNull) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new JsonParseException("field '" + name + "' should be text but is " + kind(value));
        }
        return value.getAsString();
    }

    private static OffsetDateTime time(JsonObject data, String name) {
        return time(name, string(data, name));
    }

    private static OffsetDateTime time(String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonParseException("field '" + name + "' is not an RFC 3339 time: '" + text + "'", e);
        }
    }

    static String kind(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        return value.isJsonNull() ? "null" : "a value";
    }
}
