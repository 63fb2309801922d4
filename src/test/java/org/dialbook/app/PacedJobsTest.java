package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.WaitStatus;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.exporter.ExportListener;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportResult;
import org.dialbook.exporter.ExportScope;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.DuplicatePolicy;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxClocks;
import org.dialbook.sandbox.SandboxRequest;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a sandbox with Exotel's published limits (30 writes, 300 reads a minute), a paced import
 * and export draw no 429 at all, and no 60-second window holds more requests than either budget.
 * One clock for both sides; the client's waits move it, so minutes of pacing take no real time.
 */
class PacedJobsTest {
    private static final int ROWS = 7000;

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final List<WaitStatus> waits = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory()
            .with(options -> SandboxClocks.withClock(options.exotelLimits(true), clock));
    private SandboxServer sandbox;
    private ContactsClient client;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        client = ContactsClient.builder(sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.defaults().withRandom(() -> 0.5))
                .writesPerMinute(ContactsClient.EXOTEL_WRITES_PER_MINUTE)
                .readsPerMinute(ContactsClient.EXOTEL_READS_PER_MINUTE)
                .sleeper(clock::sleep).clock(clock).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aPacedImportAndExportSeeNo429AndStayWithinBothBudgets() throws Exception {
        client.onWait(waits::add);
        List<String> lines = new ArrayList<>();
        lines.add("Name,Phone");
        for (int i = 0; i < ROWS; i++) {
            lines.add("Person " + i + "," + String.format("+9191%08d", i));
        }
        Path file = dir.resolve("paced.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        CsvInspection inspection = CsvInspector.inspect(file);
        // 200 a batch: 35 creates, more than one minute's write budget.
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(200).withDuplicates(DuplicatePolicy.CREATE));

        ImportResult imported = new ImportRunner(client, dir.resolve("imports"))
                .start(plan, ROWS, ImportListener.none(), CancelToken.none());
        // 7000 contacts are 350 pages: more than one minute's read budget.
        ExportResult exported = new ContactExporter(client).export(ExportScope.all(), dir.resolve("out.csv"),
                ExportOptions.defaults(), ExportListener.NONE, new CancelToken());

        assertThat(imported.summary().created()).isEqualTo(ROWS);
        assertThat(exported.contacts()).isEqualTo(ROWS);
        List<SandboxRequest> requests = sandbox.requests();
        assertThat(requests).extracting(SandboxRequest::status).doesNotContain(429);
        assertThat(requests.stream().filter(r -> r.method().equals("POST")).count()).isEqualTo(ROWS / 200);
        assertThat(maxInAnyMinute(requests, false)).isLessThanOrEqualTo(30);
        assertThat(maxInAnyMinute(requests, true)).isLessThanOrEqualTo(300);
        assertThat(waits).anySatisfy(wait -> assertThat(wait.kind()).isEqualTo(WaitStatus.Kind.RATE_LIMIT));
        // The floor: 35 writes at 30 a minute need at least one minute; 350 reads at 300, another.
        assertThat(Duration.between(FakeClock.START, clock.instant())).isGreaterThanOrEqualTo(Duration.ofMinutes(2));
    }

    private static long maxInAnyMinute(List<SandboxRequest> requests, boolean reads) {
        List<Instant> times = requests.stream().filter(r -> r.method().equals("GET") == reads)
                .map(SandboxRequest::at).sorted().toList();
        long max = 0;
        int from = 0;
        for (int to = 0; to < times.size(); to++) {
            while (!times.get(from).plus(Duration.ofMinutes(1)).isAfter(times.get(to))) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    /** Ticks a millisecond per read so request times differ; sleeping moves it instead of waiting. */
    static final class FakeClock extends Clock {
        static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
        private final AtomicLong millis = new AtomicLong(START.toEpochMilli());

        void sleep(Duration duration) {
            millis.addAndGet(Math.max(1, duration.toMillis()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.incrementAndGet();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }
}
