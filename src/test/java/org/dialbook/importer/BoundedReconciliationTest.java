package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.dialbook.jobs.CancelToken;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.api.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * After a crash, settling the one lost batch reads about batch/20 pages: the walk stops at the first
 * contact that an earlier, settled batch of the import made, not at a time cutoff far back.
 */
class BoundedReconciliationTest {
    private static final int BATCH = 1000;

    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private ImportPlan plan(Path file) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        // A wide window: without the journal's boundary the walk would go back through the whole import.
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN")
                .withBatchSize(BATCH).withDuplicates(DuplicatePolicy.CREATE).withReconcileWindow(Duration.ofHours(1)));
    }

    /** Counts the list calls that reach the API. */
    static final class CountingApi extends SandboxImportTest.ForwardingApi {
        final AtomicInteger lists = new AtomicInteger();

        CountingApi(ContactsApi delegate) {
            super(delegate);
        }

        @Override
        public Page<Contact> listContacts(ListQuery query) {
            lists.incrementAndGet();
            return super.listContacts(query);
        }
    }

    @Test
    void resumeAfterACrashSpendsListCallsBoundedByTheLostBatch() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("crash.csv"), 10_000, 4);
        ImportRunner crashing = new ImportRunner(new SandboxImportTest.CrashingApi(fixture.client, 9),
                dir.resolve("imports"), fixture.clock, new ValidationPipeline(2));
        assertThatThrownBy(() -> crashing.start(plan(data.file()), 0, ImportListener.none(), CancelToken.none()))
                .isInstanceOf(SandboxImportTest.Crash.class);
        assertThat(fixture.sandbox.contactCount("sandbox")).isEqualTo(9 * BATCH);

        CountingApi counting = new CountingApi(fixture.client);
        ImportRunner runner = new ImportRunner(counting, dir.resolve("imports"), fixture.clock,
                new ValidationPipeline(2));
        ImportResult result = runner.resume(runner.resumable(data.file()).orElseThrow().id(), ImportListener.none(),
                CancelToken.none());

        // Duplicates in the file are created too (policy CREATE); each valid row exactly once.
        assertThat(result.summary().created()).isEqualTo(10_000 - data.invalid());
        assertThat(result.summary().pending() + result.summary().failed() + result.summary().unknown()).isZero();
        assertThat(fixture.sandbox.contactCount("sandbox")).isEqualTo(10_000 - data.invalid());
        assertThat(fixture.allNumbers().stream().distinct().collect(Collectors.toList()))
                .isEqualTo(data.validNumbers().stream().sorted().collect(Collectors.toList()));
        // 1,000 lost contacts are 50 pages of 20; the 51st holds the first contact of batch 8.
        assertThat(counting.lists.get()).isEqualTo(BATCH / 20 + 1);
        assertThat(result.listCalls()).isEqualTo(counting.lists.get());
    }
}
