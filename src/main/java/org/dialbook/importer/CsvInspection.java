package org.dialbook.importer;

import java.nio.file.Path;
import java.util.List;

/**
 * What the first look at a file found: the format to read it with, why, the column names and the
 * first records, for the wizard's first step and for mapping suggestions.
 *
 * @param headers the header names, or "Column 1", "Column 2"... when the file has none
 * @param sampleRows the first data records (not the header)
 */
public record CsvInspection(
        Path file,
        long fileSize,
        CsvFormat format,
        String encodingReason,
        List<String> headers,
        List<RawRow> sampleRows) {

    public int columnCount() {
        return headers.size();
    }
}
