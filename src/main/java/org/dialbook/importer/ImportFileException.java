package org.dialbook.importer;

/**
 * The file cannot be read as a contacts CSV at all (empty, binary, broken quoting...). The message
 * is written for people and names the line and column when they are known.
 */
public class ImportFileException extends RuntimeException {
    private final long line;
    private final int column;

    public ImportFileException(String message) {
        this(message, 0, 0, null);
    }

    public ImportFileException(String message, long line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line where the problem is, or 0 when it is about the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }
}
