package org.dialbook.ui.contacts;

/** What happened to a row's last change, shown in the table's status column. */
public enum RowStatus {
    NONE,
    PENDING,
    SAVED,
    FAILED
}
