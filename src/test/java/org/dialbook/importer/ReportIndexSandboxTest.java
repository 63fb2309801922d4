package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report written from the journal index is the one the full scan writes, for a journal with
 * retried, reconciled and invalid rows from an import into the sandbox with its faults on, and for
 * the same journal after a second pass ("retry failed") appended to it.
 */
class ReportIndexSandboxTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    @Test
    void theIndexedReportEqualsTheFullScanAfterFaultsAndARetry() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("in.csv"), 3_000, 7);
        fixture.sandbox.faults().serverErrorFraction(0.05).item429Fraction(0.05).lostResponseFraction(0.05);
        // No client retries: throttled items fail in the first pass, and the retry pass settles them again.
        ContactsClient noRetries = ContactsClient.builder(fixture.sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.none()).build();
        ImportRunner runner = new ImportRunner(noRetries, dir.resolve("imports"), fixture.clock,
                new ValidationPipeline(2));
        CsvInspection inspection = CsvInspector.inspect(data.file());
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(200).withReconcileWindow(Duration.ofSeconds(1)));

        ImportResult first = runner.start(plan, 0, ImportListener.none(), CancelToken.none());
        assertSameReport(runner, first.id(), "first");
        fixture.faultsOff();
        runner.retryFailed(first.id(), ImportListener.none(), CancelToken.none());

        long rows = assertSameReport(runner, first.id(), "after-retry");
        noRetries.close();
        assertThat(rows).isEqualTo(3_000);
        // Rows settled twice (failed, then created by the retry), so "latest line wins" was exercised.
        long outcomeLines;
        try (var lines = Files.lines(runner.folderOf(first.id()).resolve(ImportJournal.JOURNAL))) {
            outcomeLines = lines.filter(line -> line.startsWith("{\"k\":\"row\"")).count();
        }
        assertThat(outcomeLines).isGreaterThan(3_000);
    }

    private long assertSameReport(ImportRunner runner, String id, String name) throws IOException {
        Path indexed = dir.resolve(name + "-indexed.csv");
        Path scanned = dir.resolve(name + "-scanned.csv");
        long rows = runner.writeReport(id, indexed);
        Path folder = runner.folderOf(id);
        long scannedRows = ReportWriter.writeByScanning(folder.resolve(ImportJournal.JOURNAL),
                ImportJournal.readManifest(folder).plan().headers(), java.util.Map.of(), scanned);

        assertThat(rows).isEqualTo(scannedRows);
        assertThat(Files.readString(indexed, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(scanned, StandardCharsets.UTF_8));
        return rows;
    }
}
