package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dialbook.jobs.CancelToken;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.api.ListsQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.NewList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Import with "add the imported contacts to list", against the sandbox, under faults. */
class ImportIntoListTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private ImportPlan plan(Path file, String list) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN")
                .withBatchSize(250).withReconcileWindow(Duration.ofSeconds(1)).withList(list));
    }

    @Test
    void aNewListUnderFaultsHoldsEveryValidRowExactlyOnceIncludingExistingContacts() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("rows.csv"), 2_000, 5);
        // Some numbers are already in the account: those rows are skipped, but belong in the list.
        List<String> existing = data.validNumbers().subList(0, 40);
        fixture.client.createContacts(existing.stream().map(NewContact::of).toList());
        fixture.sandbox.faults().seed(11).serverErrorFraction(0.05).item429Fraction(0.03).lostResponseFraction(0.03);
        ImportRunner runner = fixture.runner(dir.resolve("imports")).withLists(fixture.client.lists());

        ImportResult result = runner.start(plan(data.file(), "Diwali callers"), 0, ImportListener.none(),
                CancelToken.none());

        fixture.faultsOff();
        assertThat(result.summary().failed() + result.summary().unknown() + result.summary().pending()).isZero();
        assertThat(result.list()).isEqualTo(data.validNumbers().size() + " rows in list 'Diwali callers'; "
                + (data.invalid() + data.duplicates()) + " not (see the report's list column)");
        CampaignList list = fixture.client.lists().resolve("Diwali callers");
        List<Contact> members = fixture.client.lists().streamContacts(list.sid()).toList();
        assertThat(list.contactCount()).isEqualTo(data.validNumbers().size());
        assertThat(members.stream().map(Contact::sid)).doesNotHaveDuplicates();
        assertThat(members.stream().map(Contact::number).sorted().collect(Collectors.toList()))
                .isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        assertThat(fixture.allContacts()).hasSize(data.validNumbers().size());

        Path report = dir.resolve("report.csv");
        runner.writeReport(result.id(), report);
        Map<String, Integer> listOutcomes = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    assertThat(record.getFields().subList(0, 5)).containsExactly("row", "outcome", "sid", "detail",
                            "list");
                    header = false;
                    continue;
                }
                String outcome = record.getField(4);
                String kind = outcome.equals("added") ? "added" : outcome.startsWith("not added: duplicate")
                        ? "duplicate in file" : outcome.startsWith("not added: the row is invalid") ? "invalid" : outcome;
                listOutcomes.merge(kind, 1, Integer::sum);
                if (record.getField(1).equals("skipped") && outcome.equals("added")) {
                    assertThat(record.getField(2)).as("an existing contact's sid").matches("[0-9a-f]{32}");
                }
            }
        }
        assertThat(listOutcomes).containsOnlyKeys("added", "duplicate in file", "invalid");
        assertThat(listOutcomes.get("added")).isEqualTo(data.validNumbers().size());
    }

    @Test
    void anExistingListIsFoundByNameAndAnImportWithoutListLeavesListsAlone() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("rows.csv"), 50, 2);
        CampaignList made = fixture.client.lists().createList(NewList.named("VIP callers"));
        ImportRunner runner = fixture.runner(dir.resolve("imports")).withLists(fixture.client.lists());

        ImportResult result = runner.start(plan(data.file(), "vip CALLERS"), 0, ImportListener.none(),
                CancelToken.none());
        ImportResult plain = runner.start(plan(data.file(), null), 0, ImportListener.none(), CancelToken.none());

        assertThat(result.list()).startsWith(data.validNumbers().size() + " rows in list 'VIP callers'");
        assertThat(plain.list()).isNull();
        assertThat(fixture.client.lists().allLists(ListsQuery.firstPage())).extracting(CampaignList::sid)
                .containsExactly(made.sid());
    }
}
