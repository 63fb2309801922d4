package org.dialbook.importer;

/**
 * One record as read from the file.
 *
 * @param row the line the record starts on (1-based), which is how the user finds it in an editor
 */
public record RawRow(long row, String[] fields) {
}
