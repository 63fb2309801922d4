package org.dialbook.importer;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one CSV column goes: a contact field, a key inside {@code custom_field}, or nowhere.
 *
 * @param customKey the key inside custom_field; only for {@link Kind#CUSTOM}
 */
public record ColumnTarget(Kind kind, String customKey) {

    /** The destinations of a column. */
    public enum Kind {
        NUMBER("number"),
        FIRST_NAME("first_name"),
        LAST_NAME("last_name"),
        COMPANY_NAME("company_name"),
        EMAIL("email"),
        TAG("tag"),
        CUSTOM("custom"),
        IGNORE("ignore");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
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
