package org.dialbook.importer;

/** The one final state of every input row. */
public enum RowOutcome {
    CREATED,
    UPDATED,
    SKIPPED,
    INVALID,
    FAILED,
    /** The request was sent but its answer was lost, and the account check could not settle it. */
    UNKNOWN;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
