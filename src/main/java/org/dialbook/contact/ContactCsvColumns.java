package org.dialbook.contact;

import java.util.List;

/**
 * The column names of an exported contacts file: the importer's own names, so a file Dialbook wrote
 * goes straight back in. The custom field is spread over one {@code custom.<key>} column per key of
 * its JSON object; the system columns at the end describe the contact as the API holds it and are
 * ignored by the importer (the API assigns them).
 */
public final class ContactCsvColumns {


    /** Prefix of a column holding one key of the custom field. */
    public static final String CUSTOM_PREFIX = "custom.";

    /**
     * The whole custom field as JSON, used only when a contact's custom field is not a JSON object
     * (an array, say), which cannot be spread over key columns.
     */
    public static final String CUSTOM_FIELD = ContactField.CUSTOM_FIELD.wireName();

    public static final String SID = "sid";
    public static final String DATE_CREATED = "date_created";
    public static final String DATE_UPDATED = "date_updated";

    /** The contact's own fields, in the order they are written. */
    public static final List<String> STANDARD = ContactField.COLUMNS.stream().map(ContactField::wireName).toList();

    /** Read-only fields the API assigns, written last. */
    public static final List<String> SYSTEM = List.of(SID, DATE_CREATED, DATE_UPDATED);

    private ContactCsvColumns() {
    }

    /** The column name for one key of the custom field. */
    public static String customColumn(String key) {
        return CUSTOM_PREFIX + key;
    }

    /** True for a {@code custom.<key>} column; the key is everything after the first dot. */
    public static boolean isCustomColumn(String header) {
        return header != null && header.startsWith(CUSTOM_PREFIX) && header.length() > CUSTOM_PREFIX.length();
    }

    /** The custom-field key of a {@code custom.<key>} column. */
    public static String customKey(String header) {
        if (!isCustomColumn(header)) {
            throw new IllegalArgumentException("not a custom column: " + header);
        }
        return header.substring(CUSTOM_PREFIX.length());
    }
}
