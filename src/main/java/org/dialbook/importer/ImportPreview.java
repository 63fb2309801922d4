package org.dialbook.importer;

import java.util.List;
import org.dialbook.api.NewContact;

/**
 * What an import would do, computed over the whole file before anything is sent.
 *
 * @param firstRows the first rows as they will be sent (or skipped), in file order
 * @param invalidRows invalid rows with reasons, at most {@link Previewer#MAX_INVALID_SHOWN}
 * @param duplicateRows rows that will be skipped as duplicates, with why, at most {@link Previewer#MAX_INVALID_SHOWN}
 * @param cancelled true when the user stopped the check; the counts then cover only part of the file
 */
public record ImportPreview(
        long rows,
        long toCreate,
        long toUpdate,
        long toSkip,
        long invalid,
        long duplicatesInFile,
        long duplicatesInAccount,
        long repaired,
        List<PreviewRow> firstRows,
        List<InvalidRow> invalidRows,
        List<DuplicateRow> duplicateRows,
        boolean cancelled) {

    public ImportPreview {
        firstRows = List.copyOf(firstRows);
        invalidRows = List.copyOf(invalidRows);
        duplicateRows = List.copyOf(duplicateRows);
    }

    public long valid() {
        return toCreate + toUpdate;
    }

    /** A row as it will be sent. @param action "create", "update" or "skip: why" */
    public record PreviewRow(long row, NewContact contact, String action, String note) {
    }

    /**
     * A valid row that will not be sent because its number is a duplicate.
     *
     * @param reason e.g. "duplicate: +919810000001 is already on row 12 of this file", or "… is already in the
     *     account (contact 8f3…)"
     */
    public record DuplicateRow(long row, String number, String reason) {
    }

    /** A row that will not be sent, with the reason. */
    public record InvalidRow(long row, List<String> values, String reason) {
    }
}
