package org.dialbook.importer;

/** Receives every row's decision, in file order, on one thread. */
interface RowSink {
    void invalid(ValidatedRow row);

    void skipped(ValidatedRow row, String reason);

    /** Skipped because contact {@code existingSid} already has the number; the sid matters for lists. */
    default void skippedExisting(ValidatedRow row, String reason, String existingSid) {
        skipped(row, reason);
    }

    void create(ValidatedRow row);

    void update(ValidatedRow row, String sid);
}
