package org.dialbook.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds which column of a line opens the quote that is never closed, for the error message. */
final class QuoteLocator {
    private QuoteLocator() {
    }

    /** The 1-based column whose quote stays open at the end of {@code line}, or 0 if not found. */
    static int openQuoteColumn(Path file, CsvFormat format, long line) {
        try (var in = Files.newInputStream(file)) {
            in.skipNBytes(format.bomLength());
            var decoder = format.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
            String text = null;
            for (long i = 1; i <= line; i++) {
                text = reader.readLine();
                if (text == null) {
                    return 0;
                }
            }
            return openColumn(text, format.delimiter());
        } catch (IOException e) {
            return 0;
        }
    }

    static int openColumn(String text, char delimiter) {
        int column = 1;
        int openedAt = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
            } else if (c == delimiter) {
                column++;
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                openedAt = column;
            }
            fieldStart = false;
        }
        return quoted ? openedAt : 0;
    }
}
