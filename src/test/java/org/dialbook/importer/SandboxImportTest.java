package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.Page;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Imports into the in-process sandbox, with its faults switched on, and checks the account itself. */
class SandboxImportTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private ImportPlan plan(Path file, int batchSize) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(batchSize).withReconcileWindow(Duration.ofSeconds(1)));
    }

    @Test
    void twentyThousandRowsWithFaultsCreateEachValidRowExactlyOnce() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("big.csv"), 20_000, 1);
        fixture.sandbox.faults().throttlePerMinute(120).serverErrorFraction(0.05).item429Fraction(0.02)
                .lostResponseFraction(0.01);
        ImportRunner runner = fixture.runner(dir.resolve("imports"));

        ImportResult result = runner.start(plan(data.file(), 1000), 0, ImportListener.none(), CancelToken.none());

        fixture.faultsOff();
        ImportSummary summary = result.summary();
        assertThat(summary.rows()).isEqualTo(20_000);
        assertThat(summary.created()).isEqualTo(data.validNumbers().size());
        assertThat(summary.invalid()).isEqualTo(data.invalid());
        assertThat(summary.skipped()).isEqualTo(data.duplicates());
        assertThat(summary.failed() + summary.unknown() + summary.pending()).isZero();
        List<Contact> contacts = fixture.allContacts();
        assertThat(contacts.stream().map(Contact::number).sorted().collect(Collectors.toList()))
                .isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));

        Path report = dir.resolve("report.csv");
        assertThat(runner.writeReport(result.id(), report)).isEqualTo(20_000);
        Map<String, String> numberBySid = new HashMap<>();
        contacts.forEach(contact -> numberBySid.put(contact.sid(), contact.number()));
        Map<String, Integer> outcomes = new HashMap<>();
        long previousRow = 1;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(report)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    assertThat(record.getFields()).startsWith("row", "outcome", "sid", "detail", "Phone Number");
                    header = false;
                    continue;
                }
                long row = Long.parseLong(record.getField(0));
                assertThat(row).isGreaterThan(previousRow);
                previousRow = row;
                outcomes.merge(record.getField(1), 1, Integer::sum);
                if (record.getField(1).equals("created")) {
                    String number = numberBySid.get(record.getField(2));
                    assertThat(number).as("row %s sid", row).isNotNull();
                    assertThat(number).endsWith(record.getField(4).replaceAll("[^0-9]", "").substring(
                            record.getField(4).replaceAll("[^0-9]", "").length() - 10));
                }
            }
        }
        assertThat(outcomes).containsEntry("created", data.validNumbers().size())
                .containsEntry("invalid", data.invalid()).containsEntry("skipped", data.duplicates());
    }

    @Test
    void resumeAfterACrashMidImportLosesNothingAndDuplicatesNothing() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("crash.csv"), 3000, 2);
        ImportRunner crashing = new ImportRunner(new CrashingApi(fixture.client, 3), dir.resolve("imports"),
                fixture.clock, new ValidationPipeline(2));

        assertThatThrownBy(() -> crashing.start(plan(data.file(), 500), 0, ImportListener.none(),
                CancelToken.none())).isInstanceOf(Crash.class);
        // The third request (and the one in flight beside it) reached the account, but the app died
        // before writing down their answers.
        assertThat(fixture.sandbox.contactCount("sandbox")).isGreaterThanOrEqualTo(1500);

        ImportRunner runner = fixture.runner(dir.resolve("imports"));
        ImportManifest open = runner.resumable(data.file()).orElseThrow();
        ImportResult result = runner.resume(open.id(), ImportListener.none(), CancelToken.none());

        assertThat(result.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(result.summary().pending() + result.summary().failed() + result.summary().unknown()).isZero();
        assertThat(fixture.allNumbers()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        assertThat(runner.resumable(data.file())).isEmpty();
    }

    @Test
    void cancelStopsBetweenBatchesAndResumeFinishes() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("cancel.csv"), 2000, 3);
        ImportRunner runner = fixture.runner(dir.resolve("imports"));
        CancelToken cancel = new CancelToken();
        AtomicInteger batches = new AtomicInteger();
        ImportResult first = runner.start(plan(data.file(), 200), 0, progress -> {
            if (progress.phase() == ImportProgress.Phase.SENDING && batches.incrementAndGet() == 2) {
                cancel.cancel();
            }
        }, cancel);

        assertThat(first.cancelled()).isTrue();
        assertThat(first.summary().created()).isLessThan(data.validNumbers().size());
        ImportResult second = runner.resume(first.id(), ImportListener.none(), CancelToken.none());
        assertThat(second.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(fixture.allNumbers()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void undoDeletesExactlyTheContactsTheImportCreated() throws Exception {
        Contact bystander = fixture.client.createContacts(List.of(NewContact.of("+6591234567"))).items().get(0).value();
        Contact existing = fixture.client.createContacts(List.of(NewContact.of("+919100000001"))).items().get(0).value();
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("undo.csv"), 500, 4);
        ImportRunner runner = fixture.runner(dir.resolve("imports"));
        ImportResult result = runner.start(plan(data.file(), 100), 0, ImportListener.none(), CancelToken.none());
        // Row 3 holds +919100000001, already in the account: skipped, and so not the import's to undo.
        assertThat(result.summary().created()).isEqualTo(data.validNumbers().size() - 1);

        UndoResult undo = runner.undo(result.id(), ImportListener.none(), CancelToken.none());

        assertThat(undo.deleted()).isEqualTo(data.validNumbers().size() - 1);
        assertThat(undo.failed()).isZero();
        assertThat(fixture.allContacts()).extracting(Contact::sid)
                .containsExactlyInAnyOrder(bystander.sid(), existing.sid());
        assertThat(runner.undo(result.id(), ImportListener.none(), CancelToken.none()).deleted()).isZero();
    }

    @Test
    void updatePolicyUpdatesTheExistingContactInsteadOfCreating() throws Exception {
        Contact existing = fixture.client.createContacts(List.of(NewContact.of("+919812345678"))).items().get(0)
                .value();
        Path file = CsvFiles.write(dir.resolve("update.csv"), "mobile,first name\n09812345678,Asha\n9812345679,Ravi\n");
        CsvInspection inspection = CsvInspector.inspect(file);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withDuplicates(DuplicatePolicy.UPDATE));
        ImportResult result = fixture.runner(dir.resolve("imports")).start(plan, 0, ImportListener.none(),
                CancelToken.none());

        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(result.summary().created()).isEqualTo(1);
        assertThat(fixture.client.getContact(existing.sid()).firstName()).isEqualTo("Asha");
        assertThat(fixture.allNumbers()).containsExactly("+919812345678", "+919812345679");
    }

    @Test
    void retryFailedResendsOnlyTheFailedRows() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("retry.csv"), 600, 5);
        ImportRunner failing = new ImportRunner(new FailingApi(fixture.client, 2), dir.resolve("imports"),
                fixture.clock, new ValidationPipeline(2));
        ImportResult first = failing.start(plan(data.file(), 100), 0, ImportListener.none(), CancelToken.none());
        assertThat(first.summary().failed()).isGreaterThan(0);

        ImportResult second = fixture.runner(dir.resolve("imports")).retryFailed(first.id(), ImportListener.none(),
                CancelToken.none());

        assertThat(second.summary().failed()).isZero();
        assertThat(second.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(fixture.allNumbers()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
    }

    /** Stands in for a kill: thrown after the server has done the work, before the app records it. */
    static final class Crash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("simulated kill");
        }
    }

    /** Passes calls through; the n-th create is performed and then the "process dies". */
    static class CrashingApi extends ForwardingApi {
        private final int crashOn;
        private final AtomicInteger creates = new AtomicInteger();

        CrashingApi(ContactsApi delegate, int crashOn) {
            super(delegate);
            this.crashOn = crashOn;
        }

        @Override
        public BulkResult<Contact> createContacts(List<NewContact> contacts) {
            BulkResult<Contact> result = super.createContacts(contacts);
            if (creates.incrementAndGet() == crashOn) {
                throw new Crash();
            }
            return result;
        }
    }

    /** The n-th create request is refused as a whole with a 500. */
    static class FailingApi extends ForwardingApi {
        private final int failOn;
        private final AtomicInteger creates = new AtomicInteger();

        FailingApi(ContactsApi delegate, int failOn) {
            super(delegate);
            this.failOn = failOn;
        }

        @Override
        public BulkResult<Contact> createContacts(List<NewContact> contacts) {
            if (creates.incrementAndGet() == failOn) {
                throw new org.dialbook.api.ServerFaultException(500, null, "Internal Server Error", null);
            }
            return super.createContacts(contacts);
        }
    }

    /** Delegates every call. */
    static class ForwardingApi implements ContactsApi {
        private final ContactsApi delegate;

        ForwardingApi(ContactsApi delegate) {
            this.delegate = delegate;
        }

        @Override
        public BulkResult<Contact> createContacts(List<NewContact> contacts) {
            return delegate.createContacts(contacts);
        }

        @Override
        public org.dialbook.api.WaitListener.Subscription onWait(org.dialbook.api.WaitListener listener) {
            return delegate.onWait(listener);
        }

        @Override
        public Contact updateContact(String sid, ContactPatch patch) {
            return delegate.updateContact(sid, patch);
        }

        @Override
        public BulkResult<Contact> updateContacts(List<ContactUpdate> updates) {
            return delegate.updateContacts(updates);
        }

        @Override
        public Contact getContact(String sid) {
            return delegate.getContact(sid);
        }

        @Override
        public Page<Contact> listContacts(ListQuery query) {
            return delegate.listContacts(query);
        }

        @Override
        public Contact deleteContact(String sid) {
            return delegate.deleteContact(sid);
        }

        @Override
        public java.util.stream.Stream<Contact> streamContacts(ListQuery query) {
            return delegate.streamContacts(query);
        }
    }
}
