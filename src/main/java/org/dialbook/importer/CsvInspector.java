package org.dialbook.importer;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The first look at a file: encoding, delimiter, header or not, column names and sample rows. Any
 * choice can be overridden by the user; {@link #inspect(Path, CsvFormat)} re-reads with a given format.
 */
public final class CsvInspector {
    static final int SAMPLE_ROWS = 20;
    private static final int DELIMITER_SAMPLE_BYTES = 64 * 1024;
    private static final Pattern PHONE_LIKE = Pattern.compile("[+0-9()\\-. ]{7,}|[0-9.]+[eE][+]?[0-9]+");

    private CsvInspector() {
    }

    /** Detects everything. */
    public static CsvInspection inspect(Path file) throws IOException {
        return inspect(file, null, null, null);
    }

    /**
     * Detects what is not given.
     *
     * @param charset null to detect
     * @param delimiter null to detect
     * @param hasHeader null to detect
     */
    public static CsvInspection inspect(Path file, Charset charset, Character delimiter, Boolean hasHeader)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportFileException("Not a file: " + file);
        }
        byte[] sample = EncodingDetector.readSample(file, EncodingDetector.SAMPLE_BYTES);
        DetectedEncoding encoding = EncodingDetector.detect(sample, Files.size(file));
        String reason = encoding.reason();
        Charset chosen = encoding.charset();
        int bom = encoding.bomLength();
        if (charset != null && !charset.equals(encoding.charset())) {
            chosen = charset;
            bom = bomLengthFor(sample, charset);
            reason = charset.displayName() + " (chosen by you)";
        }
        String text = decodeSample(sample, bom, chosen);
        if (text.isBlank()) {
            throw new ImportFileException("The file is empty: it holds only blank lines or spaces.");
        }
        char sep = delimiter != null ? delimiter : DelimiterDetector.detect(text);
        CsvFormat format = new CsvFormat(chosen, bom, sep, false);
        List<RawRow> first = readRows(file, format, SAMPLE_ROWS + 1);
        if (first.isEmpty()) {
            throw new ImportFileException("The file is empty: it holds only blank lines or separators.");
        }
        boolean header = hasHeader != null ? hasHeader : looksLikeHeader(first.get(0));
        return inspect(file, format.withHeader(header), reason);
    }

    /** Re-reads with an explicit format (the user changed encoding, delimiter or header). */
    public static CsvInspection inspect(Path file, CsvFormat format) throws IOException {
        return inspect(file, format, format.charset().displayName());
    }

    private static CsvInspection inspect(Path file, CsvFormat format, String reason) throws IOException {
        List<String> headers;
        List<RawRow> rows = new ArrayList<>();
        try (CsvRowSource source = new CsvRowSource(file, format)) {
            RawRow row;
            while (rows.size() < SAMPLE_ROWS && (row = source.next()) != null) {
                rows.add(row);
            }
            headers = source.headers();
        }
        if (format.hasHeader()) {
            if (headers.isEmpty()) {
                throw new ImportFileException("The header row is empty: no column has a name.", 1, 0, null);
            }
            if (rows.isEmpty()) {
                throw new ImportFileException("The file has only a header row (" + String.join(", ", headers)
                        + ") and no contacts below it.");
            }
        } else {
            if (rows.isEmpty()) {
                throw new ImportFileException("The file is empty: it holds only blank lines or separators.");
            }
            int columns = 0;
            for (RawRow row : rows) {
                columns = Math.max(columns, trimmedLength(row.fields()));
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= columns; i++) {
                names.add("Column " + i);
            }
            headers = names;
        }
        return new CsvInspection(file, Files.size(file), format, reason, List.copyOf(headers), List.copyOf(rows));
    }

    static int trimmedLength(String[] fields) {
        int n = fields.length;
        while (n > 0 && fields[n - 1].isBlank()) {
            n--;
        }
        return n;
    }

    private static List<RawRow> readRows(Path file, CsvFormat format, int max) throws IOException {
        List<RawRow> rows = new ArrayList<>();
        try (CsvRowSource source = new CsvRowSource(file, format)) {
            RawRow row;
            while (rows.size() < max && (row = source.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** A first row with a phone-like or e-mail value is data; otherwise it names the columns. */
    static boolean looksLikeHeader(RawRow first) {
        for (String field : first.fields()) {
            String value = field.strip();
            if (value.contains("@") || (PHONE_LIKE.matcher(value).matches() && value.chars().filter(Character::isDigit)
                    .count() >= 6)) {
                return false;
            }
        }
        return true;
    }

    private static int bomLengthFor(byte[] sample, Charset charset) {
        String name = charset.name().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("UTF-8") && sample.length >= 3 && (sample[0] & 0xFF) == 0xEF
                && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (name.startsWith("UTF-16") && sample.length >= 2
                && (((sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE)
                        || ((sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF))) {
            return 2;
        }
        return 0;
    }

    private static String decodeSample(byte[] sample, int bom, Charset charset) {
        int length = Math.min(sample.length - bom, DELIMITER_SAMPLE_BYTES);
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return decoder.decode(ByteBuffer.wrap(sample, bom, Math.max(0, length))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportFileException("The file cannot be decoded as " + charset.displayName() + ".");
        }
    }
}
