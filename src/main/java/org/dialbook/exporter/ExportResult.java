package org.dialbook.exporter;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export did.
 *
 * @param file the file written; it exists only when {@code completed}
 * @param completed false when the export was cancelled, in which case no file was written
 * @param contacts contacts written (or read before the cancel)
 * @param customColumns the {@code custom.<key>} columns the file has, in order
 */
public record ExportResult(Path file, boolean completed, long contacts, List<String> customColumns) {
    public ExportResult {
        customColumns = List.copyOf(customColumns);
    }
}
