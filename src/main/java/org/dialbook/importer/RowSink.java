package org.dialbook.importer;

/** Receives every row's decision, in file order, on one thread. */
interface RowSink {
    void invalid(ValidatedRow row);

    void skipped(ValidatedRow row, String reason);

    void create(ValidatedRow row);

    void update(ValidatedRow row, String sid);
}
