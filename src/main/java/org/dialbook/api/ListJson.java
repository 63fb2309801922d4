package org.dialbook.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The client's JSON mapping of lists. Tolerant by design: the vendor's pages give no list bodies,
 * so a list's sid is read from {@code sid}, {@code list_sid} or {@code list_id}, and its count from
 * {@code contact_count}, {@code contacts_count} or {@code count} (docs/CONTRACT.md, "Lists").
 */
final class ListJson {
    private ListJson() {
    }

    static JsonObject toJson(NewList list) {
        JsonObject json = new JsonObject();
        json.addProperty("name", list.name());
        if (list.tag() != null) {
            json.addProperty("tag", list.tag());
        }
        return json;
    }

    static JsonObject toJson(ListUpdate update, boolean withSid) {
        JsonObject json = new JsonObject();
        if (withSid) {
            json.addProperty("sid", update.sid());
        }
        if (update.name() != null) {
            json.addProperty("name", update.name());
        }
        if (update.tag() != null) {
            json.addProperty("tag", update.tag());
        }
        return json;
    }

    static JsonObject reference(String contactSid) {
        JsonObject json = new JsonObject();
        json.addProperty("contact_sid", contactSid);
        return json;
    }

    static JsonObject wrap(String arrayName, List<JsonObject> items) {
        JsonArray array = new JsonArray(items.size());
        items.forEach(array::add);
        JsonObject body = new JsonObject();
        body.add(arrayName, array);
        return body;
    }

    /** @throws JsonParseException naming the field when the list cannot be read */
    static CampaignList list(JsonObject data) {
        String sid = first(data, "sid", "list_sid", "list_id");
        if (sid == null) {
            throw new JsonParseException("the list has no 'sid' (nor 'list_sid' or 'list_id')");
        }
        return new CampaignList(sid, string(data, "name"), string(data, "tag"), count(data),
                time(data, "date_created"), time(data, "date_updated"), string(data, "uri"));
    }

    /** A member from an add or remove answer; the sids sent stand in for any the server left out. */
    static ListMember member(JsonObject data, String listSid, String contactSid) {
        String list = data == null ? null : first(data, "list_sid", "list_id");
        String contact = data == null ? null : first(data, "contact_sid", "sid");
        return new ListMember(list == null ? listSid : list, contact == null ? contactSid : contact);
    }

    private static Integer count(JsonObject data) {
        for (String name : new String[] {"contact_count", "contacts_count", "count"}) {
            JsonElement value = data.get(name);
            if (value != null && value.isJsonPrimitive() && value.getAsString().trim().matches("\\d{1,10}")) {
                return Integer.valueOf(value.getAsString().trim());
            }
        }
        return null;
    }

    private static String first(JsonObject data, String... names) {
        for (String name : names) {
            String value = string(data, name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String string(JsonObject data, String name) {
        JsonElement value = data.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive()) {
            throw new JsonParseException("field '" + name + "' should be text but is " + ContactJson.kind(value));
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
            // A list's dates are for display only; an odd format must not make the list unreadable.
            return null;
        }
    }
}
