package org.dialbook.importer;

/** What to do with a row whose number is already in the account (or earlier in the file). */
public enum DuplicatePolicy {
    /** Leave the existing contact alone; the row is skipped with the reason. */
    SKIP,
    /** Create anyway; the account then holds the number twice. */
    CREATE,
    /** Update the existing contact with the row's values (bulk PUT) instead of creating. */
    UPDATE
}
