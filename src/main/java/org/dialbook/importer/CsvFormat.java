package org.dialbook.importer;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to read one CSV file.
 *
 * @param bomLength bytes of byte-order mark to skip at the start
 */
public record CsvFormat(Charset charset, int bomLength, char delimiter, boolean hasHeader) {
    public CsvFormat {
        Objects.requireNonNull(charset, "charset");
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be a quote or a line break");
        }
    }

    public CsvFormat withCharset(Charset newCharset, int newBomLength) {
        return new CsvFormat(newCharset, newBomLength, delimiter, hasHeader);
    }

    public CsvFormat withDelimiter(char newDelimiter) {
        return new CsvFormat(charset, bomLength, newDelimiter, hasHeader);
    }

    public CsvFormat withHeader(boolean newHasHeader) {
        return new CsvFormat(charset, bomLength, delimiter, newHasHeader);
    }

    /** A readable name for a delimiter: "comma", "semicolon", "tab", "pipe" or the character. */
    public static String delimiterName(char delimiter) {
        switch (delimiter) {
            case ',':
                return "comma";
            case ';':
                return "semicolon";
            case '\t':
                return "tab";
            case '|':
                return "pipe";
            default:
                return "'" + delimiter + "'";
        }
    }

    /** Parses "comma", ",", "tab", "\t", ";"... as given on a command line. */
    public static char parseDelimiter(String text) {
        String value = text == null ? "" : text;
        switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "comma":
                return ',';
            case "semicolon":
                return ';';
            case "tab":
            case "\\t":
                return '\t';
            case "pipe":
                return '|';
            default:
                if (value.length() == 1) {
                    return value.charAt(0);
                }
                throw new IllegalArgumentException(
                        "delimiter must be one character or comma, semicolon, tab, pipe; got '" + text + "'");
        }
    }
}
