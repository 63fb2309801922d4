package org.dialbook.app;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.contact.ContactRules;
import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;

/** Reads field names and values given on the command line or in a bulk file into patches. */
final class ContactFields {
    static final String NAMES = Arrays.stream(ContactField.values()).map(ContactField::wireName)
            .collect(Collectors.joining(", "));

    /** The CLI has no default country: India, as the vendor's page assumes for numbers without +. */
    static final PhoneRule PHONES = PhoneRule.forCountryOrIndia(null);

    private ContactFields() {
    }

    /** {@code first_name}, {@code first-name} or {@code FIRST_NAME}; {@code custom} for custom_field. */
    static ContactField field(String name, String where) {
        String wire = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (wire.equals("custom")) {
            return ContactField.CUSTOM_FIELD;
        }
        return ContactField.fromWireName(wire).orElseThrow(() -> new UsageException(
                "Unknown field '" + name + "' in " + where + "; use one of " + NAMES));
    }

    /** Parses {@code field=value} from {@code --set}; an empty value clears the field. */
    static ContactPatch withAssignment(ContactPatch patch, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("--set needs field=value, got '" + assignment + "'");
        }
        ContactField field = field(assignment.substring(0, equals), "--set");
        String value = assignment.substring(equals + 1);
        if (value.isEmpty()) {
            return patch.with(field, JsonNull.INSTANCE);
        }
        if (field == ContactField.CUSTOM_FIELD) {
            return patch.with(field, json(value, "--set custom_field"));
        }
        return patch.with(field, new JsonPrimitive(checked(field, value, "--set " + field.wireName())));
    }

    /**
     * The value as it will be sent, by the contact package's rules: a number in E.164 (read in India,
     * the vendor's home, when it has no +country), text without control characters and within the
     * server's length, an e-mail address that is one.
     */
    static String checked(ContactField field, String value, String where) {
        if (field == ContactField.NUMBER) {
            PhoneResult number = PHONES.normalise(value);
            if (!number.isValid()) {
                throw new UsageException(where + ": " + number.note());
            }
            return number.e164();
        }
        String problem = ContactRules.textProblem(field, value);
        if (problem != null) {
            throw new UsageException(where + ": " + problem);
        }
        return value;
    }

    /** Reads one bulk-file item (everything but {@code sid}) as a patch. */
    static ContactPatch patchOf(JsonObject item, String where) {
        ContactPatch patch = ContactPatch.empty();
        for (Map.Entry<String, JsonElement> entry : item.entrySet()) {
            if (entry.getKey().equals("sid")) {
                continue;
            }
            ContactField field = field(entry.getKey(), where);
            JsonElement value = entry.getValue();
            if (field != ContactField.CUSTOM_FIELD && !value.isJsonNull()
                    && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                throw new UsageException(where + ": '" + entry.getKey() + "' must be text or null");
            }
            if (field != ContactField.CUSTOM_FIELD && !value.isJsonNull()) {
                value = new JsonPrimitive(checked(field, value.getAsString(), where + ": " + field.wireName()));
            }
            patch = patch.with(field, value);
        }
        return patch;
    }

    static JsonElement json(String text, String where) {
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new UsageException(where + " is not valid JSON: " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int see = message.indexOf("\nSee ");
        return see > 0 ? message.substring(0, see) : message;
    }
}
