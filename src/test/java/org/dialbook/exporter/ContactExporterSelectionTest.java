package org.dialbook.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of contacts already in hand: the file's exact shape, without any API call. */
class ContactExporterSelectionTest {

    /** A selection export must not call the API at all; any call fails the test. */
    private static final ContactsApi NO_CALLS = (ContactsApi) Proxy.newProxyInstance(
            ContactsApi.class.getClassLoader(), new Class<?>[] {ContactsApi.class},
            (proxy, method, args) -> {
                throw new AssertionError("unexpected API call: " + method.getName());
            });

    @TempDir
    Path dir;

    private final ContactExporter exporter = new ContactExporter(NO_CALLS);

    @Test
    void writesTheImporterColumnsThenCustomKeysThenSystemColumns() throws IOException {
        Contact asha = contact("0123456789abcdef0123456789abcdef", "+919101234510", "Asha", "Rao",
                "{\"plan\":\"Gold\",\"visits\":3}");
        Contact ben = contact("fedcba9876543210fedcba9876543210", "+14155550100", "Ben", null,
                "{\"city\":\"Pune, MH\",\"plan\":\"Silver\"}");
        Path out = dir.resolve("contacts.csv");

        ExportResult result = exporter.export(ExportScope.selection(List.of(asha, ben)), out,
                ExportOptions.defaults(), ExportListener.NONE, new CancelToken());

        assertThat(result.completed()).isTrue();
        assertThat(result.contacts()).isEqualTo(2);
        assertThat(result.customColumns()).containsExactly("custom.plan", "custom.visits", "custom.city");
        List<List<String>> rows = read(out);
        assertThat(rows.get(0)).containsExactly("number", "first_name", "last_name", "company_name", "email", "tag",
                "custom.plan", "custom.visits", "custom.city", "sid", "date_created", "date_updated");
        assertThat(rows.get(1)).containsExactly("+919101234510", "Asha", "Rao", "Acme", "", "", "Gold", "3", "",
                "0123456789abcdef0123456789abcdef", "2026-11-26T10:15:30Z", "2026-11-26T11:00:00+05:30");
        assertThat(rows.get(2)).containsExactly("+14155550100", "Ben", "", "Acme", "", "", "Silver", "", "Pune, MH",
                "fedcba9876543210fedcba9876543210", "2026-11-26T10:15:30Z", "2026-11-26T11:00:00+05:30");
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).startsWith("number,").contains("\r\n");
    }

    @Test
    void formulaLikeCellsAreNeutralisedWhilePhoneNumbersStayReadable() throws IOException {
        Contact evil = new Contact("0123456789abcdef0123456789abcdef", "+919101234510",
                "=HYPERLINK(\"http://evil.example\",\"x\")", "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "\t=1", "+tag",
                JsonParser.parseString("{\"note\":\"=1+2\",\"n\":-5}"), null, null, "sandbox", "/uri", null);
        Path out = dir.resolve("evil.csv");

        exporter.export(ExportScope.selection(List.of(evil)), out, ExportOptions.defaults().withSystemColumns(false),
                ExportListener.NONE, new CancelToken());

        List<List<String>> rows = read(out);
        assertThat(rows.get(0)).containsExactly("number", "first_name", "last_name", "company_name", "email", "tag",
                "custom.note", "custom.n");
        assertThat(rows.get(1)).containsExactly("+919101234510", "'=HYPERLINK(\"http://evil.example\",\"x\")",
                "'@SUM(A1)", "'-2+3+cmd|' /C calc'!A0", "'\t=1", "'+tag", "'=1+2", "-5");
    }

    @Test
    void aByteOrderMarkIsWrittenOnlyWhenAsked() throws IOException {
        Contact asha = contact("0123456789abcdef0123456789abcdef", "+919101234510", "Åsa", "Rao", null);
        Path plain = dir.resolve("plain.csv");
        Path excel = dir.resolve("excel.csv");

        exporter.export(ExportScope.selection(List.of(asha)), plain, ExportOptions.defaults(), ExportListener.NONE,
                new CancelToken());
        exporter.export(ExportScope.selection(List.of(asha)), excel, ExportOptions.defaults().withByteOrderMark(true),
                ExportListener.NONE, new CancelToken());

        byte[] plainBytes = Files.readAllBytes(plain);
        byte[] excelBytes = Files.readAllBytes(excel);
        assertThat(plainBytes[0]).isEqualTo((byte) 'n');
        assertThat(excelBytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(excelBytes, 3, excelBytes.length - 3, StandardCharsets.UTF_8))
                .isEqualTo(new String(plainBytes, StandardCharsets.UTF_8)).contains("Åsa");
    }

    @Test
    void aCustomFieldThatIsNotAnObjectGoesWholeIntoTheCustomFieldColumn() throws IOException {
        Contact list = contact("0123456789abcdef0123456789abcdef", "+919101234510", "A", null, "[1,\"two\"]");
        Contact empty = contact("fedcba9876543210fedcba9876543210", "+919101234511", "B", null, "{}");
        Path out = dir.resolve("whole.csv");

        exporter.export(ExportScope.selection(List.of(list, empty)), out,
                ExportOptions.defaults().withSystemColumns(false), ExportListener.NONE, new CancelToken());

        List<List<String>> rows = read(out);
        assertThat(rows.get(0)).endsWith("custom_field");
        assertThat(rows.get(1)).endsWith("[1,\"two\"]");
        assertThat(rows.get(2)).endsWith("{}");
    }

    @Test
    void aCancelledExportLeavesNoFileAndKeepsAnExistingOne() throws IOException {
        Path out = dir.resolve("kept.csv");
        Files.writeString(out, "precious");
        CancelToken cancel = new CancelToken();
        List<Long> progress = new ArrayList<>();
        Contact a = contact("0123456789abcdef0123456789abcdef", "+919101234510", "A", null, null);
        Contact b = contact("fedcba9876543210fedcba9876543210", "+919101234511", "B", null, null);

        ExportResult result = exporter.export(ExportScope.selection(List.of(a, b)), out, ExportOptions.defaults(),
                (done, total) -> {
                    progress.add(done);
                    if (done == 1) {
                        cancel.cancel();
                    }
                }, cancel);

        assertThat(result.completed()).isFalse();
        assertThat(result.contacts()).isEqualTo(1);
        assertThat(progress).containsExactly(0L, 1L);
        assertThat(Files.readString(out)).isEqualTo("precious");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    private static Contact contact(String sid, String number, String first, String last, String customJson) {
        return new Contact(sid, number, first, last, "Acme", null, null,
                customJson == null ? null : JsonParser.parseString(customJson),
                OffsetDateTime.parse("2026-11-26T10:15:30Z"), OffsetDateTime.parse("2026-11-26T11:00:00+05:30"),
                "sandbox", "/v2/accounts/sandbox/contacts/" + sid, null);
    }

    private static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file, StandardCharsets.UTF_8)) {
            reader.forEach(row -> rows.add(row.getFields()));
        }
        return rows;
    }
}
