package org.dialbook.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.dialbook.contact.ContactField;

/**
 * A partial update: only the fields present are sent. A field mapped to {@link JsonNull} is sent as
 * JSON null, which clears it.
 */
public record ContactPatch(Map<ContactField, JsonElement> changes) {

    public ContactPatch {
        Objects.requireNonNull(changes, "changes");
        EnumMap<ContactField, JsonElement> copy = new EnumMap<>(ContactField.class);
        changes.forEach((field, value) -> copy.put(field, value == null ? JsonNull.INSTANCE : value));
        changes = Collections.unmodifiableMap(copy);
    }

    public static ContactPatch empty() {
        return new ContactPatch(Map.of());
    }

    /** Sets a string field; a null value clears it. */
    public ContactPatch with(ContactField field, String value) {
        return with(field, value == null ? JsonNull.INSTANCE : new JsonPrimitive(value));
    }

    /** Sets any field to a JSON value; JSON null clears it. */
    public ContactPatch with(ContactField field, JsonElement value) {
        EnumMap<ContactField, JsonElement> next = new EnumMap<>(ContactField.class);
        next.putAll(changes);
        next.put(field, value == null ? JsonNull.INSTANCE : value);
        return new ContactPatch(next);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }
}
