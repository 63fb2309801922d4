package org.dialbook.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.WaitStatus;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.jobs.CancelToken;
import org.dialbook.exporter.ExportListener;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportResult;
import org.dialbook.exporter.ExportScope;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxRequest;
import org.dialbook.sandbox.SandboxServer;

/**
 * A 20,000-row import and a 20,000-contact export against the sandbox with Exotel's published limits
 * (30 writes, 300 reads a minute), paced by the client, in real time. Prints requests, 429s and wall
 * time beside the lower bound the limits set, and beside the same job unpaced on an unlimited sandbox
 * in this process (the baseline).
 */
final class PacedBenchmark {
    static final int ROWS = 20_000;

    private PacedBenchmark() {
    }

    static void run(Path dir) throws Exception {
        Path file = ImportBenchmark.generate(dir.resolve("paced.csv"), ROWS);
        Job baseline = job(dir.resolve("baseline"), file, false);
        Job paced = job(dir.resolve("paced"), file, true);
        int writes = ContactsClient.EXOTEL_WRITES_PER_MINUTE;
        int reads = ContactsClient.EXOTEL_READS_PER_MINUTE;
        System.out.printf(Locale.ROOT, "(4) paced import of %,d rows at %d writes/min: %d POSTs, %d reads, %d x 429, "
                        + "%.1f s wall (%.1f s of it waiting for the budget); lower bound from the limit %.1f s; "
                        + "unpaced baseline %.1f s%n", ROWS, writes, paced.importWrites, paced.importReads,
                paced.import429, paced.importSeconds, paced.importPacing, floor(paced.importWrites, writes),
                baseline.importSeconds);
        System.out.printf(Locale.ROOT, "(5) paced export of %,d contacts at %d reads/min: %d list calls, %d x 429, "
                        + "%.1f s wall (%.1f s waiting for the budget); lower bound %.1f s evenly spaced "
                        + "(%d reads / %d a minute), %.1f s with a sliding 60 s window; unpaced baseline %.1f s; "
                        + "paced / even bound %.2f%n", paced.exported, reads, paced.exportReads, paced.export429,
                paced.exportSeconds, paced.exportPacing, paced.exportReads * 60.0 / reads, paced.exportReads, reads,
                floor(paced.exportReads, reads), baseline.exportSeconds,
                paced.exportSeconds / (paced.exportReads * 60.0 / reads));
    }

    /** Sliding-window floor: every full budget after the first waits a minute. */
    private static double floor(long requests, int perMinute) {
        return Math.max(0, (requests + perMinute - 1) / perMinute - 1) * 60.0;
    }

    private record Job(long importWrites, long importReads, long import429, double importSeconds, double importPacing,
            long exported, long exportReads, long export429, double exportSeconds, double exportPacing) {
    }

    private static Job job(Path dir, Path file, boolean paced) throws Exception {
        // By hand: a benchmark main, not a JUnit test.
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.builder().inMemory().exotelLimits(paced)
                .build());
                ContactsClient client = ContactsClient.builder(sandbox.connectionSettings())
                        .writesPerMinute(paced ? ContactsClient.EXOTEL_WRITES_PER_MINUTE : 0)
                        .readsPerMinute(paced ? ContactsClient.EXOTEL_READS_PER_MINUTE : 0).build()) {
            AtomicLong pacingMillis = new AtomicLong();
            client.onWait(status -> {
                if (status.kind() == WaitStatus.Kind.RATE_LIMIT) {
                    pacingMillis.addAndGet(status.nextTryIn().toMillis());
                }
            });
            CsvInspection inspection = CsvInspector.inspect(file);
            ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                    ImportOptions.defaults("IN"));
            long start = System.nanoTime();
            ImportResult imported = new ImportRunner(client, dir.resolve("imports"))
                    .start(plan, ROWS, ImportListener.none(), CancelToken.none());
            double importSeconds = (System.nanoTime() - start) / 1e9;
            if (imported.summary().created() != ROWS) {
                throw new IllegalStateException("The import created " + imported.summary().created());
            }
            List<SandboxRequest> afterImport = sandbox.requests();
            double importPacing = pacingMillis.getAndSet(0) / 1000.0;

            start = System.nanoTime();
            ExportResult exported = new ContactExporter(client).export(ExportScope.all(), dir.resolve("out.csv"),
                    ExportOptions.defaults(), ExportListener.NONE, new CancelToken());
            double exportSeconds = (System.nanoTime() - start) / 1e9;
            List<SandboxRequest> all = sandbox.requests();
            List<SandboxRequest> export = all.subList(afterImport.size(), all.size());
            return new Job(count(afterImport, "POST", -1), count(afterImport, "GET", -1),
                    count(afterImport, null, 429), importSeconds, importPacing, exported.contacts(),
                    count(export, "GET", -1), count(export, null, 429), exportSeconds,
                    pacingMillis.get() / 1000.0);
        }
    }

    private static long count(List<SandboxRequest> requests, String method, int status) {
        return requests.stream().filter(r -> (method == null || r.method().equals(method))
                && (status < 0 || r.status() == status)).count();
    }
}
