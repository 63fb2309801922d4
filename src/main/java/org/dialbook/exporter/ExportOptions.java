package org.dialbook.exporter;

/**
 * How the file is written.
 *
 * @param byteOrderMark starts the file with a UTF-8 byte order mark, which Excel needs to read UTF-8
 *     instead of the local code page
 * @param systemColumns adds the sid and date columns at the end
 */
public record ExportOptions(boolean byteOrderMark, boolean systemColumns) {

    /** No byte order mark, with system columns. */
    public static ExportOptions defaults() {
        return new ExportOptions(false, true);
    }

    public ExportOptions withByteOrderMark(boolean value) {
        return new ExportOptions(value, systemColumns);
    }

    public ExportOptions withSystemColumns(boolean value) {
        return new ExportOptions(byteOrderMark, value);
    }
}
