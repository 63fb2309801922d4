package org.dialbook.mirror;

/** The columns a mirror search can sort by. */
public enum MirrorSort {
    /** The mirror's own order, which follows date created; the only order that needs no sort step. */
    MIRROR("c.rowid"),
    DATE_CREATED("c.date_created"),
    DATE_UPDATED("c.date_updated"),
    NUMBER("c.number"),
    FIRST_NAME("c.first_name COLLATE NOCASE"),
    LAST_NAME("c.last_name COLLATE NOCASE"),
    COMPANY("c.company_name COLLATE NOCASE"),
    EMAIL("c.email COLLATE NOCASE"),
    TAG("c.tag COLLATE NOCASE");

    private final String sql;

    MirrorSort(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
