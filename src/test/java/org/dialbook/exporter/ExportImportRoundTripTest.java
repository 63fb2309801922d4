package org.dialbook.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.contact.FormulaGuard;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.jobs.CancelToken;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Export from one sandbox, import the file into an empty one: the contacts come back exactly,
 * formula-like text and typed custom values included. Both sandboxes are real, in-process.
 */
class ExportImportRoundTripTest {
    @RegisterExtension
    final InProcessSandbox from = InProcessSandbox.inMemory().with(options -> options.seed(1));
    @RegisterExtension
    final InProcessSandbox to = InProcessSandbox.inMemory().with(options -> options.seed(2));

    @TempDir
    Path dir;

    private static List<NewContact> awkwardContacts() {
        List<NewContact> contacts = new ArrayList<>();
        contacts.add(NewContact.builder("+919101234510").firstName("Asha").lastName("Rao").companyName("Acme, Ltd.")
                .email("asha@example.com").tag("gold")
                .customField(json("{\"plan\":\"gold\",\"visits\":3,\"vip\":true,\"note\":null,"
                        + "\"address\":{\"city\":\"Pune\",\"pin\":[411001]},\"code\":\"42\",\"empty\":\"\"}"))
                .build());
        contacts.add(NewContact.builder("+14155550100").firstName("=HYPERLINK(\"http://evil.example\",\"x\")")
                .lastName("@SUM(A1)").companyName("-2+3+cmd|' /C calc'!A0").tag("+tag")
                .customField(json("{\"formula\":\"=1+2\",\"negative\":-5,\"quote\":\"'=kept\"}")).build());
        contacts.add(NewContact.builder("+6591234567").firstName("Tan \"Ah Kow\"").lastName("O'Brien")
                .companyName("Line one\nline two").tag("ஜ தமிழ் हिंदी")
                .customField(json("[1,\"two\"]")).build());
        contacts.add(NewContact.builder("+919101234511").firstName("Ravi").build());
        return contacts;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void exportedContactsImportBackExactly(boolean byteOrderMark) throws Exception {
        assertThat(from.client().createContacts(awkwardContacts()).allSucceeded()).isTrue();
        List<Contact> original = from.client().streamContacts(ListQuery.firstPage()).toList();
        Path file = dir.resolve("contacts.csv");

        ExportResult exported = new ContactExporter(from.client()).export(ExportScope.all(), file,
                ExportOptions.defaults().withByteOrderMark(byteOrderMark), ExportListener.NONE, new CancelToken());
        ImportResult imported = importInto(to.client(), file);

        assertThat(exported.contacts()).isEqualTo(4);
        assertThat(imported.summary().created()).as(imported.summary().oneLine()).isEqualTo(4);
        assertThat(imported.summary().hasProblems()).as(imported.summary().oneLine()).isFalse();
        List<Contact> copied = to.client().streamContacts(ListQuery.firstPage()).toList();
        assertThat(copied).extracting(ExportImportRoundTripTest::userFields)
                .containsExactlyElementsOf(original.stream().map(ExportImportRoundTripTest::userFields).toList());
    }

    @Test
    void theFileItselfIsSafeToOpenInASpreadsheet() throws Exception {
        from.client().createContacts(awkwardContacts());
        Path file = dir.resolve("contacts.csv");

        new ContactExporter(from.client()).export(ExportScope.all(), file, ExportOptions.defaults(), ExportListener.NONE,
                new CancelToken());

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("+919101234510,").contains("+14155550100,")
                .contains("'=HYPERLINK(").contains("'@SUM(A1)").contains("'-2+3+cmd").contains("'+tag")
                .contains("'=1+2").contains(",-5,").contains("''=kept");
        // No field, quoted or not, starts with a trigger except the plain signed numbers.
        for (String line : text.split("\r\n")) {
            for (String field : line.split(",")) {
                String cell = field.startsWith("\"") ? field.substring(1) : field;
                if (!cell.isEmpty() && FormulaGuard.isTrigger(cell.charAt(0))) {
                    assertThat(cell).matches("[+-][0-9]+");
                }
            }
        }
    }

    private ImportResult importInto(ContactsClient client, Path file) throws Exception {
        CsvInspection inspection = CsvInspector.inspect(file);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN"));
        return new ImportRunner(client, dir.resolve("imports")).start(plan, 0, progress -> { },
                new CancelToken());
    }

    /** What the user wrote; sid, dates and account are the API's. */
    private static List<Object> userFields(Contact contact) {
        return Arrays.asList(contact.number(), contact.firstName(), contact.lastName(), contact.companyName(),
                contact.email(), contact.tag(), contact.customField());
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
