package org.dialbook.importer;

import java.nio.file.Path;

/**
 * How a pass over an import ended.
 *
 * @param summary every row's latest outcome, across all passes of this import
 * @param cancelled true when the user stopped it; resume finishes the rest
 * @param listCalls list calls this pass spent checking the account for creates whose answer was lost
 * @param list what adding the rows to the chosen campaign list did, in one line; null when no list was
 *     chosen (or the pass was cancelled before it)
 */
public record ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled, long listCalls,
        String list) {

    /** A result with no list calls spent on checking the account, and no campaign list. */
    public ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled) {
        this(id, folder, summary, cancelled, 0, null);
    }
}
