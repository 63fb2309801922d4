package org.dialbook.importer;

import java.nio.file.Path;

/**
 * How a pass over an import ended.
 *
 * @param summary every row's latest outcome, across all passes of this import
 * @param cancelled true when the user stopped it; resume finishes the rest
 * @param listCalls list calls this pass spent checking the account for creates whose answer was lost
 */
public record ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled, long listCalls) {

    /** A result with no list calls spent on checking the account. */
    public ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled) {
        this(id, folder, summary, cancelled, 0);
    }
}
