package org.dialbook.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks the encoding of a CSV from its first bytes: a byte-order mark decides UTF-8 / UTF-16; else
 * UTF-8 when the sample decodes cleanly, else Windows-1252 (what Excel writes on Western Windows).
 * Also refuses files that are empty or clearly not text.
 */
public final class EncodingDetector {
    /** How much of the file is checked; enough for any realistic header and many rows. */
    static final int SAMPLE_BYTES = 4 * 1024 * 1024;

    public static final java.nio.charset.Charset WINDOWS_1252 = java.nio.charset.Charset.forName("windows-1252");

    private EncodingDetector() {
    }

    public static DetectedEncoding detect(Path file) throws IOException {
        byte[] sample = readSample(file, SAMPLE_BYTES);
        return detect(sample, Files.size(file));
    }

    static byte[] readSample(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    static DetectedEncoding detect(byte[] sample, long fileSize) {
        if (fileSize == 0) {
            throw new ImportFileException("The file is empty (0 bytes): there are no contacts to import.");
        }
        if (startsWith(sample, 0xEF, 0xBB, 0xBF)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 3, "UTF-8 (byte-order mark)");
        }
        if (startsWith(sample, 0xFF, 0xFE)) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16 little-endian (byte-order mark)");
        }
        if (startsWith(sample, 0xFE, 0xFF)) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16 big-endian (byte-order mark)");
        }
        rejectBinary(sample);
        if (isValidUtf8(sample, sample.length < SAMPLE_BYTES)) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 0, "UTF-8");
        }
        return new DetectedEncoding(WINDOWS_1252, 0,
                "Windows-1252 (the bytes are not valid UTF-8, as in files saved by Excel on Windows)");
    }

    private static void rejectBinary(byte[] sample) {
        if (startsWith(sample, 0x50, 0x4B, 0x03, 0x04)) {
            throw new ImportFileException("This is a zip archive, probably an Excel workbook (.xlsx), not a CSV. "
                    + "In Excel use File > Save As > CSV UTF-8, then import that file.");
        }
        if (startsWith(sample, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportFileException("This is an old Excel workbook (.xls), not a CSV. "
                    + "In Excel use File > Save As > CSV UTF-8, then import that file.");
        }
        if (startsWith(sample, 0x25, 0x50, 0x44, 0x46)) {
            throw new ImportFileException("This is a PDF document, not a CSV file.");
        }
        int checked = Math.min(sample.length, 8192);
        int control = 0;
        for (int i = 0; i < checked; i++) {
            int b = sample[i] & 0xFF;
            if (b == 0) {
                throw new ImportFileException("This is a binary file, not a text CSV: it contains a zero byte at "
                        + "byte " + (i + 1) + ".");
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                control++;
            }
        }
        if (checked > 0 && control * 100 > checked) {
            throw new ImportFileException("This is a binary file, not a text CSV: " + control
                    + " control characters in its first " + checked + " bytes.");
        }
    }

    /** Strict UTF-8 check; a sequence cut off by the end of a partial sample is not an error. */
    static boolean isValidUtf8(byte[] sample, boolean complete) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, complete);
            if (result.isError()) {
                return false;
            }
            if (result.isOverflow()) {
                out.clear();
                continue;
            }
            return true;
        }
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
