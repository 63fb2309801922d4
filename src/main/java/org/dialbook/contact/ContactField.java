package org.dialbook.contact;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The writable fields of a contact, in the order Dialbook shows, exports and checks them, with
 * their wire names. This is the one field list: the API client, the import's column targets, the
 * CLI's {@code --set} names, the CSV columns and the table all derive from it.
 */
public enum ContactField {
    NUMBER("number"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    COMPANY_NAME("company_name"),
    EMAIL("email"),
    TAG("tag"),
    CUSTOM_FIELD("custom_field");

    /** The fields that hold plain text (everything but the number and the JSON custom field). */
    public static final List<ContactField> TEXT = List.of(FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL, TAG);

    /** The fields a CSV file holds one column each for: the number, then the text fields. */
    public static final List<ContactField> COLUMNS = List.of(NUMBER, FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL,
            TAG);

    private final String wireName;

    ContactField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True for the fields in {@link #TEXT}. */
    public boolean isText() {
        return this != NUMBER && this != CUSTOM_FIELD;
    }

    public static Optional<ContactField> fromWireName(String name) {
        for (ContactField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** The wire names of every field, in order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ContactField::wireName).toList();
    }
}
