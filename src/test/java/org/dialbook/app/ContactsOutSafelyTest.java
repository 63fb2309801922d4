package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.contact.FormulaGuard;
import org.dialbook.jobs.CancelToken;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.exporter.ExportListener;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportScope;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.ui.contacts.RowsText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What leaves Dialbook is safe where it lands: every CSV (File → Export, Copy as CSV,
 * {@code contacts list --format csv}, the import report) guards formulas the same way; the terminal
 * never gets a raw control character; files holding contacts are 0600 and the report is rectangular.
 */
class ContactsOutSafelyTest {
    /** Cell values a spreadsheet would run, or nearly would, and ones it must leave alone. */
    private static final List<String> CELLS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "\t=1+2",
            "@SUM(A1)", "-2+3+cmd|' /C calc'!A0", "+tag", "'=kept", "-5", "plain name", "=1+2\nsecond line");

    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory();

    @Test
    void everyCsvWriterGuardsFormulasAsTheExportDoes() throws IOException {
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < CELLS.size(); i++) {
            contacts.add(NewContact.builder("+9191012345" + (10 + i)).firstName(CELLS.get(i)).build());
        }
        assertThat(sandbox.client().createContacts(contacts).allSucceeded()).isTrue();
        List<Contact> stored = sandbox.client().streamContacts(ListQuery.firstPage()).toList();

        Path exported = dir.resolve("export.csv");
        new ContactExporter(sandbox.client()).export(ExportScope.all(), exported, ExportOptions.defaults(),
                ExportListener.NONE, new CancelToken());
        CliRun listed = CliRun.contacts(sandbox.env(), "list", "--format", "csv");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        String copied = RowsText.format(stored, true);

        Map<String, String> byExport = firstNames(Files.readString(exported, StandardCharsets.UTF_8));
        Map<String, String> byList = firstNames(listed.out());
        Map<String, String> byCopy = firstNames(copied);
        for (Contact contact : stored) {
            String expected = FormulaGuard.neutralise(contact.firstName());
            assertThat(byExport.get(contact.sid())).as("export of %s", contact.firstName()).isEqualTo(expected);
            assertThat(byList.get(contact.sid())).as("contacts list --format csv").isEqualTo(expected);
            assertThat(byCopy.get(contact.sid())).as("Copy as CSV").isEqualTo(expected);
        }
        assertThat(byExport.get(sidOf(stored, "\t=1+2"))).isEqualTo("'\t=1+2");
        assertThat(byList.get(sidOf(stored, "-5"))).isEqualTo("-5");
    }

    @Test
    void theImportReportGuardsFormulasIsRectangularAndPrivate() throws IOException {
        StringBuilder csv = new StringBuilder("number,first_name,notes\r\n");
        for (int i = 0; i < CELLS.size(); i++) {
            csv.append("+9191012345").append(10 + i).append(',').append(quoted(CELLS.get(i))).append(",n").append(i)
                    .append("\r\n");
        }
        // One row too long, one too short: the report still has the header's three value columns.
        csv.append("+919101234598,Extra,n,=surplus,more\r\n");
        csv.append("+919101234599\r\n");
        Path file = Files.writeString(dir.resolve("in.csv"), csv.toString(), StandardCharsets.UTF_8);
        Path report = dir.resolve("report.csv");
        Path imports = dir.resolve("imports");

        int code = importCommand(imports).execute(file.toString(), "--report", report.toString());

        assertThat(code).isIn(0, 1);
        List<List<String>> rows = records(Files.readString(report, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("row", "outcome", "sid", "detail", "number", "first_name", "notes");
        assertThat(rows).hasSize(1 + CELLS.size() + 2).allSatisfy(row -> assertThat(row).hasSize(header.size()));
        for (int i = 0; i < CELLS.size(); i++) {
            assertThat(rows.get(1 + i).get(5)).as("report cell for %s", CELLS.get(i))
                    .isEqualTo(FormulaGuard.neutralise(CELLS.get(i)));
        }
        assertThat(rows.get(rows.size() - 1)).endsWith("+919101234599", "", "");

        assertThat(permissions(report)).isEqualTo("rw-------");
        try (Stream<Path> journals = Files.walk(imports)) {
            List<Path> written = journals.filter(Files::isRegularFile).toList();
            assertThat(written).extracting(path -> path.getFileName().toString())
                    .contains("journal.jsonl", "manifest.json");
            for (Path path : written) {
                assertThat(permissions(path)).as(path.toString()).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void theTerminalGetsControlCharactersEscapedNeverRaw() {
        String name = "Asha\u001b]0;owned\u0007\u001b[31mRed\rX";
        Contact contact = sandbox.client().createContacts(List.of(NewContact.builder("+919101234510").firstName(name)
                .build())).items().get(0).value();

        CliRun list = CliRun.contacts(sandbox.env(), "list");
        CliRun get = CliRun.contacts(sandbox.env(), "get", contact.sid());

        for (CliRun run : List.of(list, get)) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).doesNotContain("\u001b", "\u0007", "\r")
                    .contains("Asha\\e]0;owned\\x07\\e[31mRed\\rX");
        }
    }

    @Test
    void aControlCharacterDeepInTheFileIsRefusedAtItsRow() throws IOException {
        StringBuilder csv = new StringBuilder("number,first_name\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append("+9191012").append(String.format("%05d", i)).append(',')
                    .append(i == 901 ? "Row\u001b[2J901" : "Row" + i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("thousand.csv"), csv.toString(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        CommandLine dryRun = importCommand(dir.resolve("imports"));
        dryRun.setOut(new PrintWriter(out, true));

        assertThat(dryRun.execute(file.toString(), "--dry-run")).isZero();
        // Data row 901 is line 902 of the file, which is how the report and an editor count.
        assertThat(out.toString()).contains("999 to create", "1 invalid")
                .contains("row 902 invalid: column 2 (first_name): 'Row\\e[2J901' holds a control character (ESC,"
                        + " U+001B) at position 4");

        assertThat(importCommand(dir.resolve("imports")).execute(file.toString())).isZero();
        assertThat(sandbox.contactCount()).isEqualTo(999);
    }

    private CommandLine importCommand(Path imports) {
        CommandLine commandLine = new CommandLine(new ImportCommand(sandbox::settings,
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build(), () -> imports));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine;
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String sidOf(List<Contact> contacts, String firstName) {
        return contacts.stream().filter(contact -> firstName.equals(contact.firstName())).findFirst().orElseThrow()
                .sid();
    }

    /** sid to first_name cell, whatever the column order of the file. */
    private static Map<String, String> firstNames(String csv) {
        List<List<String>> rows = records(csv);
        int sid = rows.get(0).indexOf("sid");
        int firstName = rows.get(0).indexOf("first_name");
        Map<String, String> bySid = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            bySid.put(row.get(sid), row.get(firstName));
        }
        return bySid;
    }

    private static List<List<String>> records(String csv) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            reader.forEach(record -> rows.add(List.copyOf(record.getFields())));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
