package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialbook.jobs.CancelToken;
import org.dialbook.testing.TestClock;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.Page;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.WaitListener;
import org.dialbook.api.WaitStatus;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox (on disk) goes away in the middle of an import. The import pauses and waits for it
 * instead of failing the rest of its rows; rows fail only when the outage outlasts the patience, and
 * a retry then sends exactly those.
 */
class OutageImportTest {
    private static final int ROWS = 3000;
    private static final int BATCH = 500;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.ticking();
    private final List<ImportProgress> waits = new CopyOnWriteArrayList<>();
    private final AtomicInteger outageWaits = new AtomicInteger();
    private SandboxServer sandbox;
    private int port;
    private ContactsClient client;
    /** When the sandbox comes back: after this many outage waits; 0 never. */
    private int restartAfterWaits;

    @AfterEach
    void close() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void startSandbox() {
        // By hand: the test stops the sandbox mid-import and starts it again on the same port.
        sandbox = SandboxServer.start(SandboxClocks.withClock(SandboxOptions.builder().port(port)
                .dataDir(dir.resolve("sandbox")).seed(5), clock).build());
        port = sandbox.port();
    }

    private void startClient(Duration patience) {
        client = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.5))
                .outagePatience(patience)
                .clock(clock)
                .sleeper(duration -> {
                    clock.sleep(duration);
                    if (sandbox == null && restartAfterWaits > 0 && outageWaits.get() >= restartAfterWaits) {
                        startSandbox();
                    }
                })
                .build();
        client.onWait(status -> {
            if (status.kind() == WaitStatus.Kind.OUTAGE) {
                outageWaits.incrementAndGet();
            }
        });
    }

    /** Stops the sandbox just before the create call number {@code stopBefore}. */
    private ContactsApi stoppingBeforeCreate(int stopBefore) {
        AtomicInteger creates = new AtomicInteger();
        return new ContactsApi() {
            @Override
            public BulkResult<Contact> createContacts(List<NewContact> contacts) {
                if (creates.incrementAndGet() == stopBefore) {
                    sandbox.close();
                    sandbox = null;
                }
                return client.createContacts(contacts);
            }

            @Override
            public Contact updateContact(String sid, ContactPatch patch) {
                return client.updateContact(sid, patch);
            }

            @Override
            public BulkResult<Contact> updateContacts(List<ContactUpdate> updates) {
                return client.updateContacts(updates);
            }

            @Override
            public Contact getContact(String sid) {
                return client.getContact(sid);
            }

            @Override
            public Page<Contact> listContacts(ListQuery query) {
                return client.listContacts(query);
            }

            @Override
            public Contact deleteContact(String sid) {
                return client.deleteContact(sid);
            }

            @Override
            public Stream<Contact> streamContacts(ListQuery query) {
                return client.streamContacts(query);
            }

            @Override
            public WaitListener.Subscription onWait(WaitListener listener) {
                return client.onWait(listener);
            }
        };
    }

    private ImportPlan plan(Path file) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(BATCH).withReconcileWindow(Duration.ofSeconds(1)));
    }

    private ImportListener recordingWaits() {
        return progress -> {
            if (progress.waiting() != null) {
                waits.add(progress);
            }
        };
    }

    private List<String> numbersInAccount() {
        try (Stream<Contact> contacts = client.streamContacts(ListQuery.firstPage())) {
            return contacts.map(Contact::number).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void anImportWaitsOutAnOutageAndCreatesEveryRowOnce() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("outage.csv"), ROWS, 9);
        startSandbox();
        startClient(ContactsClient.JOB_OUTAGE_PATIENCE);
        restartAfterWaits = 3;
        ImportRunner runner = new ImportRunner(stoppingBeforeCreate(3), dir.resolve("imports"), clock,
                new ValidationPipeline(2));

        ImportResult result = runner.start(plan(data.file()), 0, recordingWaits(), CancelToken.none());

        ImportSummary summary = result.summary();
        assertThat(summary.created()).isEqualTo(data.validNumbers().size());
        assertThat(summary.failed() + summary.unknown() + summary.pending()).isZero();
        assertThat(numbersInAccount()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        assertThat(outageWaits.get()).isGreaterThanOrEqualTo(3);
        assertThat(waits).anySatisfy(progress -> {
            assertThat(progress.waiting().kind()).isEqualTo(WaitStatus.Kind.OUTAGE);
            assertThat(ProgressText.describe(progress)).matches("Exotel unreachable since \\d\\d:\\d\\d; trying again "
                    + "in \\d+ s.*");
        });
    }

    @Test
    void rowsFailOnlyWhenTheOutageOutlastsThePatienceAndARetrySendsExactlyThose() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("long-outage.csv"), ROWS, 11);
        startSandbox();
        // A client that fails fast on its own (as the desktop app's): the running import lends it its patience.
        startClient(Duration.ZERO);
        ImportRunner runner = new ImportRunner(stoppingBeforeCreate(3), dir.resolve("imports"), clock,
                new ValidationPipeline(2));

        ImportResult first = runner.start(plan(data.file()), 0, recordingWaits(), CancelToken.none());

        assertThat(first.summary().created()).isEqualTo(2 * BATCH);
        assertThat(first.summary().failed()).isEqualTo(data.validNumbers().size() - 2 * BATCH);
        assertThat(first.summary().unknown()).isZero();
        assertThat(clock.instant()).isAfter(java.time.Instant.parse("2026-01-01T00:30:00Z"))
                .isBefore(java.time.Instant.parse("2026-01-01T00:35:00Z"));

        startSandbox();
        ImportResult retried = runner.retryFailed(first.id(), ImportListener.none(), CancelToken.none());

        assertThat(retried.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(retried.summary().failed() + retried.summary().unknown()).isZero();
        assertThat(numbersInAccount()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
    }

    @Test
    void cancelEndsAnOutagePauseAtOnceAndARetrySendsEveryMissingRow() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("cancelled.csv"), ROWS, 13);
        startSandbox();
        startClient(ContactsClient.JOB_OUTAGE_PATIENCE);
        CancelToken cancel = new CancelToken();
        client.onWait(status -> {
            if (status.kind() == WaitStatus.Kind.OUTAGE && outageWaits.get() >= 4) {
                cancel.cancel();
            }
        });
        ImportRunner runner = new ImportRunner(stoppingBeforeCreate(3), dir.resolve("imports"), clock,
                new ValidationPipeline(2));

        ImportResult cancelled = runner.start(plan(data.file()), 0, recordingWaits(), cancel);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.summary().created()).isEqualTo(2 * BATCH);
        assertThat(cancelled.summary().failed()).isEqualTo(BATCH);
        assertThat(cancelled.summary().unknown()).isZero();
        // Well before the 30 minutes of patience ran out.
        assertThat(clock.instant()).isBefore(java.time.Instant.parse("2026-01-01T00:05:00Z"));

        startSandbox();
        ImportResult retried = runner.retryFailed(cancelled.id(), ImportListener.none(), CancelToken.none());

        assertThat(retried.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(numbersInAccount()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
    }
}
