package org.dialbook.ui.contacts;

import com.google.gson.JsonElement;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One key/value line of the custom-field editor. Remembers the original JSON value so that a
 * number or a nested object the user did not touch goes back exactly as it came.
 */
public final class CustomFieldRow {
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final JsonElement original;
    private final String originalText;

    public CustomFieldRow(String key, JsonElement original) {
        this.key.set(key);
        this.original = original;
        this.originalText = original == null ? "" : original.isJsonPrimitive() ? original.getAsString()
                : ContactValues.compactJson(original);
        this.value.set(originalText);
    }

    public static CustomFieldRow blank() {
        return new CustomFieldRow("", null);
    }

    public StringProperty keyProperty() {
        return key;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** The original JSON when the text is unchanged; else text that looks like JSON as JSON; else a string. */
    JsonElement toJson() {
        String text = value.get() == null ? "" : value.get();
        if (original != null && text.equals(originalText)) {
            return original;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return com.google.gson.JsonParser.parseString(trimmed);
        }
        return new com.google.gson.JsonPrimitive(text);
    }
}
