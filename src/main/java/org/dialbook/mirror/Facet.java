package org.dialbook.mirror;

/** A field whose distinct values a filter chip offers. */
public enum Facet {
    TAG("tag"),
    COMPANY("company_name");

    private final String column;

    Facet(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    /** One value of a facet and how many mirrored contacts have it. */
    public record Value(String value, long count) {
    }
}
