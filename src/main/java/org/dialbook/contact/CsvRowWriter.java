package org.dialbook.contact;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one CSV writer for anything holding contacts: File → Export, Copy as CSV,
 * {@code contacts list --format csv} and the import report. Every cell, header included, passes the
 * {@link FormulaGuard} (a spreadsheet would run {@code =HYPERLINK(...)}, also after a leading tab or
 * CR); every row has exactly the header's column count, padded with empty cells or cut, so a file is
 * never ragged; lines end in CRLF as RFC 4180 and Excel expect.
 */
public final class CsvRowWriter implements Closeable {
    private final CsvWriter csv;
    private final int columns;

    /** Writes {@code header} at once; later rows get its width. */
    public CsvRowWriter(Writer out, List<String> header) {
        Objects.requireNonNull(out, "out");
        this.columns = header.size();
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out);
        write(header);
    }

    /** Writes one row, guarded and fitted to the header's width. */
    public void write(List<String> cells) {
        csv.writeRecord(fit(cells, columns));
    }

    /** The number of columns every row has. */
    public int columns() {
        return columns;
    }

    /** Guarded cells, padded with empty ones or cut to {@code width}. */
    static List<String> fit(List<String> cells, int width) {
        List<String> out = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String cell = i < cells.size() ? cells.get(i) : null;
            out.add(cell == null ? "" : FormulaGuard.neutralise(cell));
        }
        return out;
    }

    /** A whole CSV text, header then rows, for the clipboard or the terminal. */
    public static String format(List<String> header, List<List<String>> rows) {
        StringWriter text = new StringWriter();
        try (CsvRowWriter writer = new CsvRowWriter(text, header)) {
            rows.forEach(writer::write);
        }
        return text.toString();
    }

    public void flush() {
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
