package org.dialbook.ui.contacts;

import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactField;

/** Selected rows as text for a spreadsheet: tab-separated (pastes into cells) or CSV. */
public final class RowsText {
    static final List<String> HEADER = List.of("number", "first_name", "last_name", "company_name", "email", "tag",
            "custom_field", "date_created", "date_updated", "sid");

    private RowsText() {
    }

    public static String format(List<Contact> contacts, boolean csv) {
        StringBuilder text = new StringBuilder();
        appendLine(text, HEADER, csv);
        for (Contact contact : contacts) {
            appendLine(text, List.of(
                    ContactValues.text(contact, ContactField.NUMBER),
                    ContactValues.text(contact, ContactField.FIRST_NAME),
                    ContactValues.text(contact, ContactField.LAST_NAME),
                    ContactValues.text(contact, ContactField.COMPANY_NAME),
                    ContactValues.text(contact, ContactField.EMAIL),
                    ContactValues.text(contact, ContactField.TAG),
                    ContactValues.text(contact, ContactField.CUSTOM_FIELD),
                    contact.dateCreated() == null ? "" : contact.dateCreated().toString(),
                    contact.dateUpdated() == null ? "" : contact.dateUpdated().toString(),
                    contact.sid()), csv);
        }
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<String> cells, boolean csv) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(csv ? ',' : '\t');
            }
            text.append(csv ? csvCell(cells.get(i)) : tsvCell(cells.get(i)));
        }
        text.append(csv ? "\r\n" : "\n");
    }

    private static String csvCell(String value) {
        String safe = guardFormula(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** Tabs and line breaks would split the cell, so they become spaces. */
    private static String tsvCell(String value) {
        return guardFormula(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** A spreadsheet would run "=cmd(...)" pasted from a contact; a leading quote keeps it text. */
    private static String guardFormula(String value) {
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("\\+\\d+")) {
            return "'" + value;
        }
        return value;
    }
}
