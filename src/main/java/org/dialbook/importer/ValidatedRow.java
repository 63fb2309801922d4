package org.dialbook.importer;

import org.dialbook.api.NewContact;

/**
 * A row after mapping and validation: either a contact to send or the reasons it cannot be sent.
 *
 * @param numberKey the E.164 digits as a number for duplicate detection; 0 when invalid
 * @param problem why the row is invalid; null when it is valid
 * @param note a remark on a repair made (e.g. restored "+"); may be null
 */
public record ValidatedRow(long row, String[] values, NewContact contact, long numberKey, String problem,
        String note) {

    public boolean isValid() {
        return problem == null;
    }
}
