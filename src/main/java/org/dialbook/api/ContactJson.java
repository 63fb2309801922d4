package org.dialbook.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Maps contacts to and from their wire JSON. Field names follow docs/CONTRACT.md. */
final class ContactJson {
    private ContactJson() {
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

    static JsonObject bulkBody(List<JsonObject> items) {
        JsonArray contacts = new JsonArray(items.size());
        items.forEach(contacts::add);
        JsonObject body = new JsonObject();
        body.add("contacts", contacts);
        return body;
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

    private static void addIfPresent(JsonObject json, String name, String value) {
        if (value != null) {
            json.addProperty(name, value);
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
        String text = string(data, name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
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
