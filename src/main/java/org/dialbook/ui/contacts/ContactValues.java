package org.dialbook.ui.contacts;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;

/** Reading a contact's fields as text, and applying a patch locally to show an edit at once. */
public final class ContactValues {
    private static final Gson COMPACT = new Gson();
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().create();
    // Day, month name and year cannot be read two ways (unlike 03/04), and fit a narrow column.
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private ContactValues() {
    }

    /** The field as the table shows it; custom fields as compact JSON; never null. */
    public static String text(Contact contact, ContactField field) {
        String value = switch (field) {
            case NUMBER -> contact.number();
            case FIRST_NAME -> contact.firstName();
            case LAST_NAME -> contact.lastName();
            case COMPANY_NAME -> contact.companyName();
            case EMAIL -> contact.email();
            case TAG -> contact.tag();
            case CUSTOM_FIELD -> compactJson(contact.customField());
        };
        return value == null ? "" : value;
    }

    /** Custom fields as a person reads them: {@code city: Pune · tier: gold}; other JSON as compact JSON. */
    public static String customFieldsText(JsonElement json) {
        if (json == null || json.isJsonNull()) {
            return "";
        }
        if (!json.isJsonObject()) {
            return compactJson(json);
        }
        return json.getAsJsonObject().entrySet().stream().map(entry -> entry.getKey() + ": "
                + (entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString()
                        : entry.getValue().isJsonNull() ? "" : compactJson(entry.getValue())))
                .collect(Collectors.joining(" · "));
    }

    public static String compactJson(JsonElement json) {
        return json == null || json.isJsonNull() ? "" : COMPACT.toJson(json);
    }

    public static String prettyJson(JsonElement json) {
        return json == null || json.isJsonNull() ? "" : PRETTY.toJson(json);
    }

    /** Local date and time, minutes precision, e.g. "26 Nov 2026 14:46"; empty when unknown. */
    public static String dateTime(OffsetDateTime time) {
        return dateTime(time, ZoneId.systemDefault());
    }

    static String dateTime(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : time.atZoneSameInstant(zone).format(DATE_TIME);
    }

    /** The exact timestamp as the server sent it (ISO 8601 with offset), for a tooltip; empty when unknown. */
    public static String isoDateTime(OffsetDateTime time) {
        return time == null ? "" : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The contact as it will look once the server applies the patch. */
    public static Contact apply(Contact contact, ContactPatch patch) {
        Contact result = contact;
        for (Map.Entry<ContactField, JsonElement> change : patch.changes().entrySet()) {
            JsonElement value = change.getValue();
            String text = value == null || value.isJsonNull() ? null
                    : value.isJsonPrimitive() ? value.getAsString() : COMPACT.toJson(value);
            result = switch (change.getKey()) {
                case NUMBER -> copy(result, text, result.firstName(), result.lastName(), result.companyName(),
                        result.email(), result.tag(), result.customField());
                case FIRST_NAME -> copy(result, result.number(), text, result.lastName(), result.companyName(),
                        result.email(), result.tag(), result.customField());
                case LAST_NAME -> copy(result, result.number(), result.firstName(), text, result.companyName(),
                        result.email(), result.tag(), result.customField());
                case COMPANY_NAME -> copy(result, result.number(), result.firstName(), result.lastName(), text,
                        result.email(), result.tag(), result.customField());
                case EMAIL -> copy(result, result.number(), result.firstName(), result.lastName(),
                        result.companyName(), text, result.tag(), result.customField());
                case TAG -> copy(result, result.number(), result.firstName(), result.lastName(),
                        result.companyName(), result.email(), text, result.customField());
                case CUSTOM_FIELD -> copy(result, result.number(), result.firstName(), result.lastName(),
                        result.companyName(), result.email(), result.tag(),
                        value == null || value instanceof JsonNull ? null : value);
            };
        }
        return result;
    }

    private static Contact copy(Contact c, String number, String first, String last, String company, String email,
            String tag, JsonElement custom) {
        return new Contact(c.sid(), number, first, last, company, email, tag, custom, c.dateCreated(),
                c.dateUpdated(), c.accountSid(), c.uri(), c.lists());
    }
}
