package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.NewContact;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bulk requests in flight ({@link ImportRunner#requestsInFlight}): the second batch's request
 * leaves before the first is answered, and still every batch settles its rows after the one before
 * it, faults or not.
 */
class TwoInFlightTest {
    private static final Set<String> SENT_OUTCOMES = Set.of("CREATED", "FAILED", "UNKNOWN", "UPDATED");

    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private ImportPlan plan(Path file, int batchSize, DuplicatePolicy duplicates) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN")
                .withBatchSize(batchSize).withDuplicates(duplicates).withReconcileWindow(Duration.ofSeconds(1)));
    }

    /** Holds the first create call until the second has begun, so both are in flight at once. */
    static final class OverlapApi extends SandboxImportTest.ForwardingApi {
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch secondStarted = new CountDownLatch(1);
        final AtomicBoolean overlapped = new AtomicBoolean();

        OverlapApi(ContactsApi delegate) {
            super(delegate);
        }

        @Override
        public int bulkWritesInFlight() {
            return 2;
        }

        @Override
        public BulkResult<Contact> createContacts(List<NewContact> contacts) {
            int call = calls.incrementAndGet();
            if (call == 2) {
                secondStarted.countDown();
            }
            if (call == 1) {
                try {
                    overlapped.set(secondStarted.await(30, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.createContacts(contacts);
        }
    }

    @Test
    void theSecondBatchLeavesBeforeTheFirstIsAnsweredAndSettlesAfterIt() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("in.csv"), 3_000, 21);
        OverlapApi api = new OverlapApi(fixture.client);
        ImportRunner runner = new ImportRunner(api, dir.resolve("imports"), fixture.clock, new ValidationPipeline(2))
                .requestsInFlight(2);

        ImportResult result = runner.start(plan(data.file(), 500, DuplicatePolicy.SKIP), 0, ImportListener.none(),
                CancelToken.none());

        assertThat(api.overlapped).as("the second request left while the first was unanswered").isTrue();
        assertThat(result.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(result.summary().failed() + result.summary().unknown() + result.summary().pending()).isZero();
        assertThat(fixture.allNumbers()).isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        assertSettledInBatchOrder(runner.folderOf(result.id()));
    }

    @Test
    void oneRequestAtATimeIsTheDefaultAndTwoIsTheMost() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("one.csv"), 1_000, 22);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ContactsApi counting = new SandboxImportTest.ForwardingApi(fixture.client) {
            @Override
            public int bulkWritesInFlight() {
                return 2;
            }

            @Override
            public BulkResult<Contact> createContacts(List<NewContact> contacts) {
                most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    return super.createContacts(contacts);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        };

        new ImportRunner(counting, dir.resolve("imports"), fixture.clock, new ValidationPipeline(2))
                .start(plan(data.file(), 100, DuplicatePolicy.CREATE), 0, ImportListener.none(), CancelToken.none());

        assertThat(most.get()).isEqualTo(1);
        ImportRunner runner = fixture.runner(dir.resolve("imports"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runner.requestsInFlight(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requests in flight must be 1 to 2, got 3");
    }

    @Test
    void underLostAnswersThrottlingAndServerErrorsEachRowIsCreatedOnceAndBatchesSettleInOrder() throws Exception {
        assertThat(fixture.client.bulkWritesInFlight()).isEqualTo(2);
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("faults.csv"), 6_000, 23);
        fixture.sandbox.faults().seed(7).serverErrorFraction(0.05).item429Fraction(0.05).lostResponseFraction(0.15);
        ImportRunner runner = fixture.runner(dir.resolve("imports")).requestsInFlight(2);

        // Duplicates created too: the same number in two batches in flight must still go to the right rows.
        ImportResult result = runner.start(plan(data.file(), 250, DuplicatePolicy.CREATE), 0,
                ImportListener.none(), CancelToken.none());

        fixture.faultsOff();
        assertThat(result.summary().created()).isEqualTo(6_000 - data.invalid());
        assertThat(result.summary().failed() + result.summary().unknown() + result.summary().pending()).isZero();
        List<Contact> contacts = fixture.allContacts();
        assertThat(contacts).hasSize(6_000 - data.invalid());
        assertThat(contacts.stream().map(Contact::number).distinct().sorted().collect(Collectors.toList()))
                .isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        Map<String, String> numberBySid = new HashMap<>();
        contacts.forEach(contact -> numberBySid.put(contact.sid(), contact.number()));
        List<JsonObject> lines = journal(runner.folderOf(result.id()));
        Set<String> claimed = new java.util.HashSet<>();
        for (JsonObject line : lines) {
            if (line.get("k").getAsString().equals("row") && line.get("o").getAsString().equals("CREATED")) {
                String sid = line.get("sid").getAsString();
                assertThat(numberBySid).as("row %s", line.get("r")).containsKey(sid);
                assertThat(claimed.add(sid)).as("sid %s given to one row only", sid).isTrue();
            }
        }
        assertSettledInBatchOrder(runner.folderOf(result.id()));
    }

    private static List<JsonObject> journal(Path folder) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve(ImportJournal.JOURNAL), StandardCharsets.UTF_8)) {
            lines.add(JsonParser.parseString(line).getAsJsonObject());
        }
        return lines;
    }

    /** Every row sent in batch k is journaled before any row sent in a later batch. */
    private static void assertSettledInBatchOrder(Path folder) throws IOException {
        Map<Long, Long> batchOf = new HashMap<>();
        long lastBatch = -1;
        int settled = 0;
        for (JsonObject line : journal(folder)) {
            String kind = line.get("k").getAsString();
            if (kind.equals("batch")) {
                long id = line.get("id").getAsLong();
                JsonArray rows = line.getAsJsonArray("rows");
                for (int i = 0; i < rows.size(); i++) {
                    // A second round re-sends rows of the same batch: they keep their first batch.
                    batchOf.putIfAbsent(rows.get(i).getAsLong(), id);
                }
            } else if (kind.equals("row") && SENT_OUTCOMES.contains(line.get("o").getAsString())) {
                Long batch = batchOf.get(line.get("r").getAsLong());
                assertThat(batch).as("row %s was sent in a batch", line.get("r")).isNotNull();
                assertThat(batch).as("row %s settles in batch order", line.get("r")).isGreaterThanOrEqualTo(lastBatch);
                lastBatch = batch;
                settled++;
            }
        }
        assertThat(settled).isPositive();
        assertThat(lastBatch).as("more than one batch").isPositive();
    }
}
