package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReadingTest {
    @TempDir
    Path dir;

    private Path bytes(String name, byte[]... parts) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        return file;
    }

    private static List<List<String>> rows(CsvInspection inspection) {
        List<List<String>> out = new ArrayList<>();
        inspection.sampleRows().forEach(row -> out.add(Arrays.asList(row.fields())));
        return out;
    }

    private static final String TEXT = "number,first_name,last_name\n+919101234510,Zoë,Müller\n";

    @Test
    void utf8WithoutBom() throws IOException {
        CsvInspection inspection = CsvInspector.inspect(bytes("a.csv", TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(inspection.format().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(inspection.format().bomLength()).isZero();
        assertThat(rows(inspection)).containsExactly(List.of("+919101234510", "Zoë", "Müller"));
    }

    @Test
    void utf8WithBomDropsTheBomFromTheFirstHeader() throws IOException {
        CsvInspection inspection = CsvInspector.inspect(bytes("a.csv", new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, TEXT.getBytes(StandardCharsets.UTF_8)));
        assertThat(inspection.encodingReason()).contains("byte-order mark");
        assertThat(inspection.headers()).containsExactly("number", "first_name", "last_name");
        assertThat(rows(inspection).get(0)).containsExactly("+919101234510", "Zoë", "Müller");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16ByBom(String name) throws IOException {
        Charset charset = Charset.forName(name);
        byte[] bom = name.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        CsvInspection inspection = CsvInspector.inspect(bytes("a.csv", bom, TEXT.replace(',', '\t').getBytes(charset)));
        assertThat(inspection.format().charset()).isEqualTo(charset);
        assertThat(inspection.format().delimiter()).isEqualTo('\t');
        assertThat(rows(inspection).get(0)).containsExactly("+919101234510", "Zoë", "Müller");
    }

    @Test
    void windows1252WhenTheBytesAreNotUtf8AndTheUserCanOverride() throws IOException {
        Path file = bytes("a.csv", TEXT.getBytes(EncodingDetector.WINDOWS_1252));
        CsvInspection inspection = CsvInspector.inspect(file);
        assertThat(inspection.format().charset()).isEqualTo(EncodingDetector.WINDOWS_1252);
        assertThat(rows(inspection).get(0)).containsExactly("+919101234510", "Zoë", "Müller");

        CsvInspection forced = CsvInspector.inspect(file, StandardCharsets.ISO_8859_1, null, null);
        assertThat(forced.encodingReason()).contains("chosen by you");
        assertThat(rows(forced).get(0)).containsExactly("+919101234510", "Zoë", "Müller");
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void delimiterIsDetected(char delimiter) throws IOException {
        String d = String.valueOf(delimiter);
        String text = String.join(d, "Phone", "Name", "Note") + "\n"
                + String.join(d, "+919101234510", "\"Rao" + d + " K\"", "x") + "\n"
                + String.join(d, "+919101234511", "Iyer", "y") + "\n";
        CsvInspection inspection = CsvInspector.inspect(CsvFiles.write(dir.resolve("d.csv"), text));
        assertThat(inspection.format().delimiter()).isEqualTo(delimiter);
        assertThat(rows(inspection).get(0)).containsExactly("+919101234510", "Rao" + d + " K", "x");
    }

    @Test
    void quotedFieldsWithNewlinesQuotesAndMixedLineEndings() throws IOException {
        String text = "number,note\r\n+919101234510,\"line one\nline \"\"two\"\"\"\r+919101234511,plain\n\n\n"
                + "+919101234512,\"a,b\"\r\n";
        CsvInspection inspection = CsvInspector.inspect(CsvFiles.write(dir.resolve("q.csv"), text));
        assertThat(rows(inspection)).containsExactly(
                List.of("+919101234510", "line one\nline \"two\""),
                List.of("+919101234511", "plain"),
                List.of("+919101234512", "a,b"));
        assertThat(inspection.sampleRows().get(2).row()).isEqualTo(7);
    }

    @Test
    void headerOrNot() throws IOException {
        CsvInspection none = CsvInspector.inspect(CsvFiles.write(dir.resolve("n.csv"),
                "+919101234510,Asha,asha@example.com\n+919101234511,Ravi,ravi@example.com\n"));
        assertThat(none.format().hasHeader()).isFalse();
        assertThat(none.headers()).containsExactly("Column 1", "Column 2", "Column 3");
        assertThat(MappingSuggester.suggest(none).targets()).extracting(ColumnTarget::label)
                .containsExactly("number", "custom:column_2", "email");
    }

    @Test
    void trailingEmptyColumnsAreNotColumns() throws IOException {
        CsvInspection inspection = CsvInspector.inspect(CsvFiles.write(dir.resolve("t.csv"),
                "number,name,,,\n+919101234510,Asha,,,\n"));
        assertThat(inspection.headers()).containsExactly("number", "name");
        ImportPreview preview = preview(inspection);
        assertThat(preview.toCreate()).isEqualTo(1);
        assertThat(preview.invalid()).isZero();
    }

    @Test
    void emptyFileIsRefusedClearly() throws IOException {
        assertThatThrownBy(() -> CsvInspector.inspect(bytes("e.csv")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvInspector.inspect(CsvFiles.write(dir.resolve("b.csv"), "\n\n  \n")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("empty");
    }

    @Test
    void headerOnlyFileIsRefusedClearly() throws IOException {
        assertThatThrownBy(() -> CsvInspector.inspect(CsvFiles.write(dir.resolve("h.csv"), "number,name\n")))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("only a header row");
    }

    @Test
    void binaryFilesAreRefused() throws IOException {
        assertThatThrownBy(() -> CsvInspector.inspect(bytes("x.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2})))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("Excel workbook");
        assertThatThrownBy(() -> CsvInspector.inspect(bytes("x.bin", "abc".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, 3}))).isInstanceOf(ImportFileException.class).hasMessageContaining("binary");
    }

    @Test
    void unbalancedQuoteNamesRowAndColumn() throws IOException {
        Path file = CsvFiles.write(dir.resolve("u.csv"),
                "number,name,note\n+919101234510,Asha,ok\n+919101234511,\"Ravi,oops\n+919101234512,Meena,ok\n");
        assertThatThrownBy(() -> CsvInspector.inspect(file))
                .isInstanceOfSatisfying(ImportFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("Row 3, column 2").contains("never closed");
                });
    }

    @Test
    void wrongFieldCountIsReportedPerRowAndTheRestContinue() throws IOException, InterruptedException {
        CsvInspection inspection = CsvInspector.inspect(CsvFiles.write(dir.resolve("w.csv"),
                "number,name\n+919101234510,Asha\n+919101234511,Ravi,extra\n+919101234512\n+919101234513,Meena\n"));
        ImportPreview preview = preview(inspection);
        assertThat(preview.toCreate()).isEqualTo(2);
        assertThat(preview.invalidRows()).extracting(ImportPreview.InvalidRow::row).containsExactly(3L, 4L);
        assertThat(preview.invalidRows().get(0).reason()).contains("3 values").contains("2 columns")
                .contains("column 3");
        assertThat(preview.invalidRows().get(1).reason()).contains("1 fields");
    }

    @Test
    void fieldsOver64KiBAreReportedWithTheirColumn() throws IOException {
        String huge = "x".repeat(70_000);
        CsvInspection inspection = CsvInspector.inspect(CsvFiles.write(dir.resolve("f.csv"),
                "number,note\n+919101234510," + huge + "\n+919101234511,fine\n"));
        ImportPreview preview = preview(inspection);
        assertThat(preview.toCreate()).isEqualTo(1);
        assertThat(preview.invalidRows().get(0).reason()).contains("column 2 (note)").contains("64 KiB");
    }

    @Test
    void invalidUtf8LaterInTheFileIsReportedWithARow() throws IOException {
        StringBuilder text = new StringBuilder("number,name\n");
        for (int i = 0; i < 5; i++) {
            text.append("+91910123451").append(i).append(",A\n");
        }
        Path file = bytes("late.csv", text.toString().getBytes(StandardCharsets.UTF_8),
                new byte[] {'+', '9', '1', ',', (byte) 0xE9, '\n'});
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, 0, ',', true);
        ImportPlan plan = new ImportPlan(file, format, List.of("number", "name"),
                MappingSuggester.suggestFromHeaders(List.of("number", "name")), ImportOptions.defaults("IN"));
        assertThatThrownBy(() -> new Previewer(null).preview(plan, ImportListener.none(), CancelToken.none()))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void largeFilesStreamWithFlatMemory() throws IOException, InterruptedException {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("big.csv"), 60_000, 9);
        ImportPreview preview = preview(CsvInspector.inspect(data.file()));
        assertThat(preview.rows()).isEqualTo(60_000);
        assertThat(preview.toCreate()).isEqualTo(data.validNumbers().size());
        assertThat(preview.invalid()).isEqualTo(data.invalid());
        assertThat(preview.toSkip()).isEqualTo(data.duplicates());
        assertThat(preview.duplicatesInFile()).isEqualTo(data.duplicates());
        assertThat(preview.firstRows()).hasSize(Previewer.FIRST_ROWS);
    }

    private static ImportPreview preview(CsvInspection inspection) {
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN"));
        try {
            return new Previewer(null).preview(plan, ImportListener.none(), CancelToken.none());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
