package org.dialbook.ui.contacts;

import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.contact.CsvRowWriter;
import org.dialbook.contact.FormulaGuard;

/** Selected rows as text for a spreadsheet: tab-separated (pastes into cells) or CSV. */
public final class RowsText {
    static final List<String> HEADER = header();

    private RowsText() {
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(ContactField.wireNames());
        header.addAll(List.of("date_created", "date_updated", "sid"));
        return List.copyOf(header);
    }

    public static String format(List<Contact> contacts, boolean csv) {
        List<List<String>> rows = new ArrayList<>(contacts.size());
        for (Contact contact : contacts) {
            List<String> cells = new ArrayList<>(HEADER.size());
            for (ContactField field : ContactField.values()) {
                cells.add(ContactValues.text(contact, field));
            }
            cells.add(contact.dateCreated() == null ? "" : contact.dateCreated().toString());
            cells.add(contact.dateUpdated() == null ? "" : contact.dateUpdated().toString());
            cells.add(contact.sid());
            rows.add(cells);
        }
        if (csv) {
            return CsvRowWriter.format(HEADER, rows);
        }
        StringBuilder text = new StringBuilder();
        appendTsvLine(text, HEADER);
        rows.forEach(cells -> appendTsvLine(text, cells));
        return text.toString();
    }

    private static void appendTsvLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(tsvCell(cells.get(i)));
        }
        text.append('\n');
    }

    /** Guarded like a CSV cell; then tabs and line breaks, which would split the cell, become spaces. */
    private static String tsvCell(String value) {
        return FormulaGuard.neutralise(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
