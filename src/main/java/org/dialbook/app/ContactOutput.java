package org.dialbook.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.StringJoiner;
import org.dialbook.api.ApiError;
import org.dialbook.api.Contact;

/** How contacts are printed: an aligned table, CSV, or the API's own JSON. */
final class ContactOutput {
    /** The columns of table and CSV output, by wire name. */
    private static final List<String> COLUMNS = List.of("sid", "number", "first_name", "last_name", "company_name",
            "email", "tag", "custom_field", "date_created", "date_updated");
    private static final List<String> TABLE_COLUMNS = List.of("sid", "number", "first_name", "last_name",
            "company_name", "email", "tag");

    /** The {@code --format} choices. */
    enum Format {
        TABLE, JSON, CSV
    }

    private ContactOutput() {
    }

    static void print(List<JsonObject> contacts, Format format, PrintWriter out) {
        switch (format) {
            case JSON -> json(contacts, out);
            case CSV -> csv(contacts, out);
            default -> table(contacts, out);
        }
    }

    /** One JSON array of the {@code data} objects, unchanged. */
    private static void json(List<JsonObject> contacts, PrintWriter out) {
        JsonArray array = new JsonArray(contacts.size());
        contacts.forEach(array::add);
        out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(array));
    }

    private static void csv(List<JsonObject> contacts, PrintWriter out) {
        out.print(String.join(",", COLUMNS) + "\r\n");
        for (JsonObject contact : contacts) {
            StringJoiner line = new StringJoiner(",");
            for (String column : COLUMNS) {
                line.add(csvField(text(contact.get(column))));
            }
            out.print(line + "\r\n");
        }
    }

    private static void table(List<JsonObject> contacts, PrintWriter out) {
        int[] widths = new int[TABLE_COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = TABLE_COLUMNS.get(c).length();
            for (JsonObject contact : contacts) {
                widths[c] = Math.max(widths[c], cell(contact, TABLE_COLUMNS.get(c)).length());
            }
        }
        out.println(row(TABLE_COLUMNS, widths));
        for (JsonObject contact : contacts) {
            out.println(row(TABLE_COLUMNS.stream().map(column -> cell(contact, column)).toList(), widths));
        }
    }

    private static String row(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = cells.get(c);
            line.append(cell);
            if (c < cells.size() - 1) {
                line.append(" ".repeat(widths[c] - cell.length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private static String cell(JsonObject contact, String column) {
        // One line per contact, whatever a field holds.
        return text(contact.get(column)).replaceAll("[\\r\\n\\t]+", " ");
    }

    /** Text of a value: strings unquoted, other JSON (custom_field) compact, null as empty. */
    static String text(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        return value.toString();
    }

    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** {@code sid  number  name} for messages about one contact. */
    static String summary(Contact contact) {
        String name = contact.displayName();
        return contact.sid() + "  " + contact.number() + (name.isEmpty() ? "" : "  " + name);
    }

    static String describe(ApiError error) {
        return error == null ? "no details" : error.summary();
    }
}
