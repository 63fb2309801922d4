package org.dialbook.api;

import java.util.Optional;

/** The writable fields of a contact, with their wire names. */
public enum ContactField {
    NUMBER("number"),
    FIRST_NAME("first_name"),
    LAST_NAME("last_name"),
    COMPANY_NAME("company_name"),
    EMAIL("email"),
    TAG("tag"),
    CUSTOM_FIELD("custom_field");

    private final String wireName;

    ContactField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ContactField> fromWireName(String name) {
        for (ContactField field : values()) {
            if (field.wireName.equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
