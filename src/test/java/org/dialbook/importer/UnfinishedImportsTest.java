package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

class UnfinishedImportsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private static ImportPlan plan(Path file, int batchSize) throws IOException {
        CsvInspection inspection = CsvInspector.inspect(file);
        return ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(batchSize).withReconcileWindow(Duration.ofSeconds(1)));
    }

    @Test
    void findsOnlyTheImportThatWasKilledMidRun() throws Exception {
        Path imports = dir.resolve("imports");
        CsvFiles.Generated finished = CsvFiles.contacts(dir.resolve("done.csv"), 300, 5);
        ImportResult done = fixture.runner(imports).start(plan(finished.file(), 100), 0, ImportListener.none(),
                CancelToken.none());
        assertThat(done.summary().pending()).isZero();

        CsvFiles.Generated killed = CsvFiles.contacts(dir.resolve("killed.csv"), 1200, 6);
        ImportRunner crashing = new ImportRunner(new SandboxImportTest.CrashingApi(fixture.client, 2), imports,
                fixture.clock, new ValidationPipeline(2));
        assertThatThrownBy(() -> crashing.start(plan(killed.file(), 200), killed.rows(), ImportListener.none(),
                CancelToken.none())).isInstanceOf(SandboxImportTest.Crash.class);

        List<UnfinishedImports.Unfinished> found = UnfinishedImports.find(imports);

        assertThat(found).hasSize(1);
        UnfinishedImports.Unfinished open = found.get(0);
        assertThat(open.fileName()).isEqualTo("killed.csv");
        assertThat(open.fileExists()).isTrue();
        assertThat(open.id()).isNotEqualTo(done.id());
        // The first request's rows were written down; the second was sent but its answer never recorded.
        assertThat(open.rowsDone()).isGreaterThanOrEqualTo(200).isLessThan(killed.rows());
        assertThat(open.rowsTotal()).isEqualTo(killed.rows());

        ImportResult resumed = fixture.runner(imports).resume(open.id(), ImportListener.none(), CancelToken.none());
        assertThat(resumed.summary().pending() + resumed.summary().failed() + resumed.summary().unknown()).isZero();
        assertThat(UnfinishedImports.find(imports)).isEmpty();
    }

    @Test
    void anInterruptedImportIsOfferedOnlyForTheAccountItWasSendingTo() throws Exception {
        Path imports = dir.resolve("imports");
        CsvFiles.Generated killed = CsvFiles.contacts(dir.resolve("killed.csv"), 600, 8);
        ImportRunner crashing = new ImportRunner(new SandboxImportTest.CrashingApi(fixture.client, 2), imports,
                fixture.clock, new ValidationPipeline(2), "account A");
        assertThatThrownBy(() -> crashing.start(plan(killed.file(), 200), killed.rows(), ImportListener.none(),
                CancelToken.none())).isInstanceOf(SandboxImportTest.Crash.class);

        assertThat(UnfinishedImports.find(imports, "account A")).hasSize(1);
        assertThat(UnfinishedImports.find(imports, "account B")).isEmpty();
        assertThat(new ImportRunner(fixture.client, imports, "account B").resumable(killed.file())).isEmpty();
        assertThat(new ImportRunner(fixture.client, imports, "account A").resumable(killed.file())).isPresent();
    }

    @Test
    void aCancelledImportIsNotOfferedAndAMissingFileIsReported() throws Exception {
        Path imports = dir.resolve("imports");
        CsvFiles.Generated cancelledData = CsvFiles.contacts(dir.resolve("cancel.csv"), 1000, 7);
        CancelToken cancel = new CancelToken();
        AtomicInteger batches = new AtomicInteger();
        ImportResult cancelled = fixture.runner(imports).start(plan(cancelledData.file(), 100), 0, progress -> {
            if (progress.phase() == ImportProgress.Phase.SENDING && batches.incrementAndGet() == 2) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(cancelled.cancelled()).isTrue();

        CsvFiles.Generated gone = CsvFiles.contacts(dir.resolve("gone.csv"), 600, 8);
        ImportRunner crashing = new ImportRunner(new SandboxImportTest.CrashingApi(fixture.client, 1), imports,
                fixture.clock, new ValidationPipeline(2));
        assertThatThrownBy(() -> crashing.start(plan(gone.file(), 200), 0, ImportListener.none(),
                CancelToken.none())).isInstanceOf(SandboxImportTest.Crash.class);
        Files.delete(gone.file());

        List<UnfinishedImports.Unfinished> found = UnfinishedImports.find(imports);

        assertThat(found).extracting(UnfinishedImports.Unfinished::fileName).containsExactly("gone.csv");
        assertThat(found.get(0).fileExists()).isFalse();
        assertThat(found.get(0).rowsTotal()).as("no preview count was given").isEqualTo(-1);

        UnfinishedImports.abandon(imports, found.get(0).id());
        assertThat(UnfinishedImports.find(imports)).isEmpty();
        assertThat(fixture.runner(imports).resumable(gone.file())).isEmpty();
    }

    @Test
    void noImportsFolderMeansNothingToOffer() throws Exception {
        assertThat(UnfinishedImports.find(dir.resolve("missing"))).isEmpty();
    }
}
