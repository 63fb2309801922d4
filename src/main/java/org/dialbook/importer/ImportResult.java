package org.dialbook.importer;

import java.nio.file.Path;

/**
 * How a pass over an import ended.
 *
 * @param summary every row's latest outcome, across all passes of this import
 * @param cancelled true when the user stopped it; resume finishes the rest
 */
public record ImportResult(String id, Path folder, ImportSummary summary, boolean cancelled) {
}
