package org.dialbook.importer;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams the records of a CSV file with FastCSV; only the current record is in memory. Turns
 * FastCSV's and the decoder's exceptions into {@link ImportFileException}s that name the line.
 * Records whose fields are all empty are skipped as blank lines.
 */
public final class CsvRowSource implements AutoCloseable {
    /** Beyond this a single field aborts reading; fields over 64 KiB are reported per row instead. */
    static final int MAX_FIELD_CHARS = 4 * 1024 * 1024;

    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    private final Path file;
    private final CsvFormat format;
    private final CountingInputStream counting;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> headers;
    private long lastLine;

    public CsvRowSource(Path file, CsvFormat format) throws IOException {
        this.file = file;
        this.format = format;
        this.counting = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        boolean ok = false;
        try {
            counting.skipNBytes(Math.min(format.bomLength(), Files.size(file)));
            CharsetDecoder decoder = format.charset().newDecoder();
            // Windows-1252 leaves five bytes undefined; Excel files still contain them, so replace.
            CodingErrorAction action = format.charset().equals(EncodingDetector.WINDOWS_1252)
                    ? CodingErrorAction.REPLACE : CodingErrorAction.REPORT;
            decoder.onMalformedInput(action).onUnmappableCharacter(action);
            this.reader = CsvReader.builder()
                    .fieldSeparator(format.delimiter())
                    .allowUnclosedQuote(false)
                    .allowExtraCharsAfterClosingQuote(true)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .skipEmptyLines(true)
                    .detectBomHeader(false)
                    .build(CsvRecordHandler.builder().maxFieldSize(MAX_FIELD_CHARS)
                                    .maxRecordSize(2 * MAX_FIELD_CHARS).build(),
                            new InputStreamReader(counting, decoder));
            this.records = reader.iterator();
            this.headers = format.hasHeader() ? readHeader() : List.of();
            ok = true;
        } finally {
            if (!ok) {
                counting.close();
            }
        }
    }

    private List<String> readHeader() {
        RawRow first = next();
        if (first == null) {
            throw new ImportFileException("The file has no rows at all (only blank lines).");
        }
        List<String> names = new ArrayList<>();
        for (String field : first.fields()) {
            names.add(field.strip());
        }
        // Trailing empty columns (",,," at the end of the header) are not columns.
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return List.copyOf(names);
    }

    /** The header names (trailing empty ones dropped), or empty when the format has no header. */
    public List<String> headers() {
        return headers;
    }

    public long bytesRead() {
        return counting.count();
    }

    /** The next non-blank record, or null at the end of the file. */
    public RawRow next() {
        while (true) {
            CsvRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (CsvParseException e) {
                throw translate(e);
            } catch (UncheckedIOException e) {
                throw translate(e);
            }
            lastLine = record.getStartingLineNumber();
            if (!isBlank(record)) {
                return new RawRow(record.getStartingLineNumber(), record.getFields().toArray(new String[0]));
            }
        }
    }

    private static boolean isBlank(CsvRecord record) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            if (!record.getField(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ImportFileException translate(CsvParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        long line = lastLine + 1;
        Matcher matcher = LINE_IN_MESSAGE.matcher(message);
        if (matcher.find()) {
            line = Long.parseLong(matcher.group(1));
        }
        if (message.contains("Unclosed quoted field")) {
            int column = QuoteLocator.openQuoteColumn(file, format, line);
            return new ImportFileException("Row " + line + (column > 0 ? ", column " + column : "")
                    + ": a quoted field is opened but never closed (unbalanced \"). "
                    + "Everything after it up to the end of the file would be one value; fix the quote and retry.",
                    line, column, e);
        }
        if (message.contains("exceeds the max")) {
            return new ImportFileException("Row " + line + ": a field is longer than " + MAX_FIELD_CHARS
                    + " characters; this is not a contacts file or a quote is missing.", line, 0, e);
        }
        return new ImportFileException("Row " + line + ": the CSV cannot be read: " + message, line, 0, e);
    }

    private ImportFileException translate(UncheckedIOException e) {
        IOException cause = e.getCause();
        long line = lastLine + 1;
        if (cause instanceof CharacterCodingException) {
            return new ImportFileException("Around row " + line + ": the bytes are not valid "
                    + format.charset().displayName() + ". Choose another encoding (for example Windows-1252).",
                    line, 0, e);
        }
        return new ImportFileException("Reading the file failed around row " + line + ": " + cause.getMessage(),
                line, 0, e);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
