package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.contact.ContactField;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.importer.RawRow;
import org.dialbook.importer.RowValidator;
import org.dialbook.importer.ValidatedRow;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.ui.contacts.BulkEditViewModel;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactDialogViewModel;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.contacts.RowStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One table of numbers, e-mails and names goes through every entry point that takes a contact in:
 * an import row, the contact dialog, inline edit in the table, bulk edit and {@code contacts create}.
 * Each must give the same
 * verdict (accepted or refused) and, when accepted, send the same number. The table holds the cases
 * where the old copies of the rules disagreed.
 */
class SameVerdictEverywhereTest {
    private static final String GOOD_NUMBER = "+919101234510";
    private static final String GOOD_EMAIL = "asha@example.com";
    private static final String GOOD_NAME = "Asha";

    /** One input row and the verdict every entry point must give: the number sent, or null when refused. */
    private record Case(String number, String name, String email, String expected) {
    }

    private static final List<Case> TABLE = List.of(
            new Case(GOOD_NUMBER, GOOD_NAME, GOOD_EMAIL, "+919101234510"),
            new Case("9101234510", GOOD_NAME, GOOD_EMAIL, "+919101234510"),
            new Case("+91 91012-34510", GOOD_NAME, GOOD_EMAIL, "+919101234510"),
            // Excel damage the import always repaired and the dialog used to refuse.
            new Case("919101234510.0", GOOD_NAME, GOOD_EMAIL, "+919101234510"),
            new Case("919101234510", GOOD_NAME, GOOD_EMAIL, "+919101234510"),
            // A landline with its STD prefix, as the account stores it.
            new Case("08022345678", GOOD_NAME, GOOD_EMAIL, "+918022345678"),
            new Case("9.19101E+11", GOOD_NAME, GOOD_EMAIL, null),
            new Case("12", GOOD_NAME, GOOD_EMAIL, null),
            // The e-mail the dialog and bulk edit accepted and the import refused.
            new Case(GOOD_NUMBER, GOOD_NAME, "asha@.example.com", null),
            new Case(GOOD_NUMBER, GOOD_NAME, "asha@example", null),
            new Case(GOOD_NUMBER, GOOD_NAME, "asha rao@example.com", null),
            new Case(GOOD_NUMBER, GOOD_NAME, "asha.rao+crm@mail.example.co.in", "+919101234510"),
            // Control characters: an ESC sequence and a bare CR are refused, line breaks are text.
            new Case(GOOD_NUMBER, "Asha\u001b]0;owned\u0007", GOOD_EMAIL, null),
            new Case(GOOD_NUMBER, "Asha\rRavi", GOOD_EMAIL, null),
            new Case(GOOD_NUMBER, "Asha\nRao", GOOD_EMAIL, "+919101234510"),
            // The server's length limit.
            new Case(GOOD_NUMBER, "x".repeat(10_000), GOOD_EMAIL, "+919101234510"),
            new Case(GOOD_NUMBER, "x".repeat(10_001), GOOD_EMAIL, null));

    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory();

    @Test
    void everyEntryPointGivesTheSameVerdict() throws IOException {
        RowValidator importRows = importValidator();
        Map<String, List<String>> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < TABLE.size(); i++) {
            Case row = TABLE.get(i);
            String what = "case " + (i + 1) + " " + shortly(row);
            List<String> byEntryPoint = new ArrayList<>();
            byEntryPoint.add("import=" + viaImport(importRows, i, row));
            byEntryPoint.add("dialog=" + viaDialog(row));
            byEntryPoint.add("cli=" + viaCli(row));
            byEntryPoint.add("inline=" + viaInlineEdit(row));
            verdicts.put(what, byEntryPoint);

            String expected = row.expected() == null ? "refused" : row.expected();
            assertThat(byEntryPoint).as(what).containsExactly("import=" + expected, "dialog=" + expected,
                    "cli=" + expected, "inline=" + expected);
            // Bulk edit never sets a number; its verdict on the name and e-mail must match too.
            if (row.number().equals(GOOD_NUMBER)) {
                assertThat(viaBulkEdit(row)).as(what + " in bulk edit").isEqualTo(expected);
            }
        }
        assertThat(verdicts).hasSize(TABLE.size());
    }

    private RowValidator importValidator() throws IOException {
        Path file = dir.resolve("header.csv");
        Files.writeString(file, "number,first_name,email\n" + GOOD_NUMBER + "," + GOOD_NAME + "," + GOOD_EMAIL + "\n",
                StandardCharsets.UTF_8);
        CsvInspection inspection = CsvInspector.inspect(file);
        return new RowValidator(ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN")));
    }

    private static String viaImport(RowValidator validator, int index, Case row) {
        ValidatedRow result = validator.validate(new RawRow(index + 2, new String[] {row.number(), row.name(),
            row.email()}));
        return result.isValid() ? result.contact().number() : "refused";
    }

    private static String viaDialog(Case row) {
        ContactDialogViewModel viewModel = new ContactDialogViewModel(null, "IN");
        viewModel.numberProperty().set(row.number());
        viewModel.firstNameProperty().set(row.name());
        viewModel.emailProperty().set(row.email());
        if (!viewModel.validProperty().get()) {
            return "refused";
        }
        return viewModel.result().changes().get(ContactField.NUMBER).getAsString();
    }

    private static String viaBulkEdit(Case row) {
        BulkEditViewModel viewModel = new BulkEditViewModel(3);
        viewModel.valueProperty(ContactField.FIRST_NAME).set(row.name());
        viewModel.valueProperty(ContactField.EMAIL).set(row.email());
        return viewModel.problemProperty().get().isEmpty() ? GOOD_NUMBER : "refused";
    }

    /** Edits a fresh contact's cells one by one in the table, as a user would; refused if any edit is. */
    private String viaInlineEdit(Case row) {
        ContactsClient client = sandbox.client();
        client.streamContacts(ListQuery.firstPage()).map(Contact::sid).toList().forEach(client::deleteContact);
        client.createContacts(List.of(NewContact.builder("+919101239999").firstName("Base")
                .email("base@example.com").build()));
        RecordingDialogService dialogs = new RecordingDialogService();
        ContactsViewModel table = new ContactsViewModel(client, new CurrentThreadTaskExecutor(), dialogs, "IN");
        table.start();
        ContactRow contact = table.rows().get(0);
        for (Map.Entry<ContactField, String> edit : Map.of(ContactField.NUMBER, row.number(),
                ContactField.FIRST_NAME, row.name(), ContactField.EMAIL, row.email()).entrySet()) {
            table.commitEdit(contact, edit.getKey(), edit.getValue());
            if (contact.status() == RowStatus.FAILED) {
                assertThat(dialogs.errors()).isNotEmpty();
                return "refused";
            }
        }
        return sandbox.client().getContact(contact.sid()).number();
    }

    private String viaCli(Case row) {
        int before = sandbox.contactCount();
        CliRun run = CliRun.contacts(sandbox.env(), "create", "--number", row.number(), "--first-name", row.name(),
                "--email", row.email());
        if (run.exitCode() == 2) {
            // Refused before anything was sent, with one line saying why.
            assertThat(sandbox.contactCount()).isEqualTo(before);
            assertThat(run.err().strip()).isNotEmpty().doesNotContain("\tat ");
            return "refused";
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Contact> all = sandbox.client().streamContacts(ListQuery.firstPage()).toList();
        assertThat(all).hasSize(before + 1);
        return findCreated(all, run.out());
    }

    private static String findCreated(List<Contact> all, String output) {
        return all.stream().filter(contact -> output.contains(contact.sid())).map(Contact::number).findFirst()
                .orElse("not found in '" + output.strip() + "'");
    }

    private static String shortly(Case row) {
        String name = row.name().length() > 20 ? row.name().length() + " chars" : row.name();
        return "(" + row.number() + ", " + name.replace("\u001b", "ESC").replace("\r", "CR").replace("\n", "LF")
                + ", " + row.email() + ")";
    }
}
