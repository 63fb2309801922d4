package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report written as rows settle (the CLI's) is the one read back from the journal, byte for byte:
 * with invalid and repeated rows journalled by the reader ahead of earlier rows still in flight, and
 * with the sandbox's faults on (failed items, lost answers settled by checking the account). It is
 * there before the report is asked for; once the journal grows (a retry) the report comes from the
 * journal again; a cancelled import leaves no half-written report behind.
 */
class LiveReportSandboxTest {
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
    void theReportWrittenAsRowsSettleIsTheJournalsReportUnderFaults() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("in.csv"), 3_000, 11);
        fixture.sandbox.faults().serverErrorFraction(0.05).item429Fraction(0.05).lostResponseFraction(0.05);
        ContactsClient noRetries = ContactsClient.builder(fixture.sandbox.connectionSettings())
                .retryPolicy(RetryPolicy.none()).build();
        ImportRunner runner = new ImportRunner(noRetries, dir.resolve("imports"), fixture.clock,
                new ValidationPipeline(2)).writeReportAsRowsSettle();

        ImportResult first = runner.start(plan(data.file(), 200), 0, ImportListener.none(), CancelToken.none());

        Path folder = runner.folderOf(first.id());
        List<Path> written = liveReports(folder);
        assertThat(written).as("the report was written while the rows settled").hasSize(1);
        String live = Files.readString(written.get(0), StandardCharsets.UTF_8);
        Path report = dir.resolve("report.csv");
        assertThat(runner.writeReport(first.id(), report)).isEqualTo(3_000);
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(live).isEqualTo(scanned(folder));
        assertThat(liveReports(folder)).as("moved into place, not copied").isEmpty();
        assertThat(live).contains(",invalid,").contains(",skipped,").contains(",created,");

        fixture.faultsOff();
        runner.retryFailed(first.id(), ImportListener.none(), CancelToken.none());
        Path again = dir.resolve("again.csv");
        assertThat(runner.writeReport(first.id(), again)).isEqualTo(3_000);
        assertThat(Files.readString(again, StandardCharsets.UTF_8)).isEqualTo(scanned(folder));
        noRetries.close();
    }

    @Test
    void aReportAskedForAfterTheJournalGrewComesFromTheJournal() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("in.csv"), 1_000, 5);
        ImportRunner runner = fixture.runner(dir.resolve("imports")).writeReportAsRowsSettle();
        ImportResult first = runner.start(plan(data.file(), 300), 0, ImportListener.none(), CancelToken.none());
        Path folder = runner.folderOf(first.id());
        assertThat(liveReports(folder)).hasSize(1);

        // An undo appends to the journal after the report was written.
        runner.undo(first.id(), ImportListener.none(), CancelToken.none());
        Path report = dir.resolve("report.csv");
        runner.writeReport(first.id(), report);

        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(scanned(folder));
        assertThat(liveReports(folder)).as("the stale one is removed").isEmpty();
    }

    @Test
    void aCancelledImportLeavesNoReportBehindAndItsResumeReportsFromTheJournal() throws Exception {
        CsvFiles.Generated data = CsvFiles.contacts(dir.resolve("cancel.csv"), 2_000, 3);
        ImportRunner runner = fixture.runner(dir.resolve("imports")).writeReportAsRowsSettle();
        CancelToken cancel = new CancelToken();
        AtomicInteger batches = new AtomicInteger();
        ImportResult first = runner.start(plan(data.file(), 200), 0, progress -> {
            if (progress.phase() == ImportProgress.Phase.SENDING && batches.incrementAndGet() == 2) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(first.cancelled()).isTrue();
        Path folder = runner.folderOf(first.id());
        assertThat(liveReports(folder)).isEmpty();

        ImportResult second = runner.resume(first.id(), ImportListener.none(), CancelToken.none());
        assertThat(second.summary().created()).isEqualTo(data.validNumbers().size());
        assertThat(liveReports(folder)).as("a resumed pass reads earlier rows from the journal").isEmpty();
        Path report = dir.resolve("report.csv");
        assertThat(runner.writeReport(first.id(), report)).isEqualTo(2_000);
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).isEqualTo(scanned(folder));
    }

    private static List<Path> liveReports(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".report-"))
                    .collect(Collectors.toList());
        }
    }

    private String scanned(Path folder) throws IOException {
        Path out = dir.resolve("scanned-" + System.nanoTime() + ".csv");
        ReportWriter.writeByScanning(folder.resolve(ImportJournal.JOURNAL),
                ImportJournal.readManifest(folder).plan().headers(), Map.of(), out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
