package org.dialbook.importer;

import java.util.Locale;
import java.util.Objects;
import org.dialbook.contact.ContactField;

/**
 * Where one CSV column goes: a contact field, a key inside {@code custom_field}, or nowhere.
 *
 * @param customKey the key inside custom_field; only for {@link Kind#CUSTOM}
 */
public record ColumnTarget(Kind kind, String customKey) {

    /** The destinations of a column. */
    public enum Kind {
        NUMBER(ContactField.NUMBER),
        FIRST_NAME(ContactField.FIRST_NAME),
        LAST_NAME(ContactField.LAST_NAME),
        COMPANY_NAME(ContactField.COMPANY_NAME),
        EMAIL(ContactField.EMAIL),
        TAG(ContactField.TAG),
        CUSTOM("custom"),
        IGNORE("ignore");

        private final ContactField field;
        private final String label;

        /** A column holding one of the contact's own fields: its label is the field's wire name. */
        Kind(ContactField field) {
            this.field = field;
            this.label = field.wireName();
        }

        Kind(String label) {
            this.field = null;
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The contact field this column fills; null for {@link #CUSTOM} and {@link #IGNORE}. */
        public ContactField field() {
            return field;
        }
    }

    public static final ColumnTarget IGNORED = new ColumnTarget(Kind.IGNORE, null);

    public ColumnTarget {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.CUSTOM) {
            if (customKey == null || customKey.isBlank()) {
                throw new IllegalArgumentException("a custom_field column needs a key");
            }
            customKey = customKey.strip();
        } else {
            customKey = null;
        }
    }

    public static ColumnTarget of(Kind kind) {
        return new ColumnTarget(kind, null);
    }

    public static ColumnTarget custom(String key) {
        return new ColumnTarget(Kind.CUSTOM, key);
    }

    /** Parses "number", "first_name", "custom:city", "ignore" (as in the CLI's --map). */
    public static ColumnTarget parse(String text) {
        String value = text.strip();
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("custom:") || lower.startsWith("custom_field:")) {
            return custom(value.substring(value.indexOf(':') + 1));
        }
        for (Kind kind : Kind.values()) {
            if (kind != Kind.CUSTOM && kind.label.equals(lower)) {
                return of(kind);
            }
        }
        throw new IllegalArgumentException("unknown field '" + text
                + "': use number, first_name, last_name, company_name, email, tag, custom:KEY or ignore");
    }

    /** The inverse of {@link #parse}. */
    public String label() {
        return kind == Kind.CUSTOM ? "custom:" + customKey : kind.label;
    }

    @Override
    public String toString() {
        return label();
    }
}
