package org.dialbook.contact;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Turns one value of the custom field into cell text and back, so that its JSON type survives a
 * CSV file.
 *
 * <p>The rule, both ways: a cell that is valid JSON is that JSON value; any other cell is a string.
 * So a string is written as it is when that reads back as the same string (most text: {@code Gold},
 * {@code Pune}), and as a JSON string literal when it would not: {@code "42"}, {@code "true"},
 * {@code ""}, or text with spaces at either end that a reader would trim. Numbers, booleans, null,
 * objects and arrays are written as compact JSON.
 */
public final class CustomValueCodec {

    private CustomValueCodec() {
    }

    /** The cell text for {@code value}; formula neutralising is applied separately. */
    public static String encode(JsonElement value) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            String text = value.getAsString();
            if (!text.isEmpty() && text.strip().equals(text) && parseStrict(text) == null) {
                return text;
            }
        }
        return value.toString();
    }

    /** The value a cell stands for; the cell must already have had its formula guard removed. */
    public static JsonElement decode(String cell) {
        JsonElement json = parseStrict(cell);
        return json != null ? json : new JsonPrimitive(cell);
    }

    /** The JSON value {@code text} is, under RFC 8259 with nothing left over; null when it is none. */
    static JsonElement parseStrict(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? element : null;
        } catch (JsonParseException | IOException | IllegalStateException notJson) {
            // Not JSON: the caller treats the text as a plain string, which is the point of asking.
            return null;
        }
    }
}
