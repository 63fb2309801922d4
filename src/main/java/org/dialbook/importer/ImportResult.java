package org.dialbook.importer;

import java.nio.file.Path;

/**
 * How a pass over an import ended.
 *
 * @param summary every row's latest outcome, across all passes of this import
 * @param cancelled true when the user stopped it; resume finishes the rest
 * @param list what adding the rows to the chosen campaign list did, in one line; null when no list was
 *     chosen (or the pass was cancelled before it)
 */
public record ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled, String list) {

    public ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled) {
        this(id, folder, summary, cancelled, null);
    }
}
