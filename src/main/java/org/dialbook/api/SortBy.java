package org.dialbook.api;

import java.util.Locale;

/** A {@code sort_by} value such as {@code name:asc}. The API's default is {@link #DEFAULT}. */
public record SortBy(Field field, boolean ascending) {
    public static final SortBy DEFAULT = new SortBy(Field.DATE_CREATED, true);

    /** The sortable fields and their wire names. */
    public enum Field {
        DATE_CREATED("date_created"),
        NAME("name");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public String wireValue() {
        return field.wireName() + (ascending ? ":asc" : ":desc");
    }

    /** Parses {@code date_created:asc}, {@code name:desc}, or a bare field (ascending). */
    public static SortBy parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split(":", -1);
        Field field = null;
        for (Field candidate : Field.values()) {
            if (candidate.wireName.equals(parts[0])) {
                field = candidate;
            }
        }
        if (field == null || parts.length > 2) {
            throw new IllegalArgumentException(
                    "sort_by must be date_created or name, optionally with :asc or :desc; got '" + text + "'");
        }
        if (parts.length == 1 || parts[1].equals("asc")) {
            return new SortBy(field, true);
        }
        if (parts[1].equals("desc")) {
            return new SortBy(field, false);
        }
        throw new IllegalArgumentException("sort_by direction must be asc or desc; got '" + parts[1] + "'");
    }
}
