package org.dialbook.mirror;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.dialbook.api.Contact;

/**
 * One contact as the mirror stores it: the API's fields as text, exactly as the server sent them,
 * so that {@code --format json} prints what {@code contacts list} prints.
 */
record MirrorRow(
        String sid, String number, String firstName, String lastName, String companyName, String email, String tag,
        String customField, String dateCreated, String dateUpdated, String accountSid, String uri) {

    /** Reads the {@code data} object of a list or get answer. */
    static MirrorRow fromJson(JsonObject data) {
        JsonElement custom = data.has("custom_field") ? data.get("custom_field") : data.get("custom");
        return new MirrorRow(text(data, "sid"), text(data, "number"), text(data, "first_name"),
                text(data, "last_name"), text(data, "company_name"), text(data, "email"), text(data, "tag"),
                custom == null || custom.isJsonNull() ? null : custom.toString(), text(data, "date_created"),
                text(data, "date_updated"), text(data, "account_sid"), text(data, "uri"));
    }

    /** From a typed contact, as Dialbook's own writes return them. */
    static MirrorRow fromContact(Contact contact) {
        return new MirrorRow(contact.sid(), contact.number(), contact.firstName(), contact.lastName(),
                contact.companyName(), contact.email(), contact.tag(),
                contact.customField() == null ? null : contact.customField().toString(),
                time(contact.dateCreated()), time(contact.dateUpdated()), contact.accountSid(), contact.uri());
    }

    /** The API's contact object, in the sandbox's field order. */
    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("sid", sid);
        json.addProperty("date_created", dateCreated);
        json.addProperty("date_updated", dateUpdated);
        json.addProperty("account_sid", accountSid);
        json.addProperty("number", number);
        json.addProperty("first_name", firstName);
        json.addProperty("last_name", lastName);
        json.addProperty("company_name", companyName);
        json.addProperty("email", email);
        json.addProperty("tag", tag);
        json.add("custom_field", customField == null ? JsonNull.INSTANCE : JsonParser.parseString(customField));
        json.addProperty("uri", uri);
        return json;
    }

    Contact toContact() {
        return new Contact(sid, number, firstName, lastName, companyName, email, tag,
                customField == null ? null : JsonParser.parseString(customField), parse(dateCreated),
                parse(dateUpdated), accountSid, uri, null);
    }

    /** The values of {@code custom_field}, space-separated, so that search finds them. */
    String customText() {
        if (customField == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        collect(JsonParser.parseString(customField), out);
        return out.length() == 0 ? null : out.toString().strip();
    }

    /** The number's digits alone, so that "98450-12", "+91 98450" and "9845012" all find it. */
    String digits() {
        return number == null ? null : Digits.of(number);
    }

    private static void collect(JsonElement element, StringBuilder out) {
        if (element == null || element.isJsonNull()) {
            return;
        }
        if (element.isJsonPrimitive()) {
            out.append(element.getAsString()).append(' ');
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(item -> collect(item, out));
        } else {
            for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
                collect(entry.getValue(), out);
            }
        }
    }

    private static String text(JsonObject data, String name) {
        JsonElement value = data.get(name);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    private static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            // A date the server wrote in another shape is shown as missing, not fatal to the page.
            return null;
        }
    }
}
