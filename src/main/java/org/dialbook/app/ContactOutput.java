package org.dialbook.app;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ApiError;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.contact.ControlCharacters;
import org.dialbook.contact.CsvRowWriter;

/** How contacts are printed: an aligned table, CSV, or the API's own JSON. */
final class ContactOutput {
    /** The columns of CSV output, by wire name: the sid, every contact field, then the dates. */
    private static final List<String> COLUMNS = columns(ContactField.wireNames(), "date_created", "date_updated");
    /** The table leaves out the custom field and the dates, to fit a terminal. */
    private static final List<String> TABLE_COLUMNS = columns(
            ContactField.COLUMNS.stream().map(ContactField::wireName).toList());

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

    private static List<String> columns(List<String> fields, String... after) {
        List<String> columns = new ArrayList<>();
        columns.add("sid");
        columns.addAll(fields);
        columns.addAll(List.of(after));
        return List.copyOf(columns);
    }

    /** The same guarded, rectangular CSV as File → Export writes. */
    private static void csv(List<JsonObject> contacts, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>(contacts.size());
        for (JsonObject contact : contacts) {
            rows.add(COLUMNS.stream().map(column -> text(contact.get(column))).toList());
        }
        out.print(CsvRowWriter.format(COLUMNS, rows));
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
        // One line per contact, and nothing a terminal would act on (ESC sequences, a bare CR).
        return ControlCharacters.escape(text(contact.get(column)));
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

    /** {@code sid  number  name} for messages about one contact. */
    static String summary(Contact contact) {
        String name = ControlCharacters.escape(contact.displayName());
        return contact.sid() + "  " + contact.number() + (name.isEmpty() ? "" : "  " + name);
    }

    static String describe(ApiError error) {
        return error == null ? "no details" : error.summary();
    }
}
