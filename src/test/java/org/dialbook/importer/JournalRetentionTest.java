package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.dialbook.jobs.CancelToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Journals of finished imports go after the retention; Undo and Retry then say the journal is gone. */
class JournalRetentionTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private ImportResult importFile(ImportRunner runner, String name, String numbers) throws Exception {
        Path file = Files.writeString(dir.resolve(name), "number\n" + numbers, StandardCharsets.UTF_8);
        CsvInspection inspection = CsvInspector.inspect(file);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection), ImportOptions.defaults("IN"));
        return runner.start(plan, 0, ImportListener.none(), CancelToken.none());
    }

    private void endedDaysAgo(Path imports, String id, int days) throws Exception {
        Files.setLastModifiedTime(imports.resolve(id).resolve(ImportJournal.MANIFEST),
                FileTime.from(fixture.clock.instant().minus(Duration.ofDays(days))));
    }

    @Test
    void aFinishedImportsJournalGoesAfterThirtyDaysAndUndoSaysSo() throws Exception {
        Path imports = dir.resolve("imports");
        ImportRunner runner = fixture.runner(imports);
        ImportResult old = importFile(runner, "old.csv", "+919101234510\n");
        ImportResult recent = importFile(runner, "recent.csv", "+919101234511\n");
        endedDaysAgo(imports, old.id(), 31);
        endedDaysAgo(imports, recent.id(), 29);

        importFile(runner, "next.csv", "+919101234512\n");

        assertThat(Files.exists(imports.resolve(old.id()))).isFalse();
        assertThat(Files.exists(imports.resolve(recent.id()))).isTrue();
        assertThatThrownBy(() -> runner.undo(old.id(), ImportListener.none(), CancelToken.none()))
                .isInstanceOf(ImportFileException.class)
                .hasMessageContaining("The journal of import " + old.id() + " is gone")
                .hasMessageContaining("can no longer be undone");
        assertThatThrownBy(() -> runner.retryFailed(old.id(), ImportListener.none(), CancelToken.none()))
                .hasMessageContaining("can no longer be retried");
        // The contacts stay: only the journal went.
        assertThat(fixture.allNumbers()).containsExactly("+919101234510", "+919101234511", "+919101234512");
    }

    @Test
    void theRetentionIsConfigurableAndInterruptedImportsStay() throws Exception {
        Path imports = dir.resolve("imports");
        ImportRunner runner = fixture.runner(imports).retainFinishedJournals(Duration.ofDays(7));
        ImportResult finished = importFile(runner, "a.csv", "+919101234510\n");
        ImportResult interrupted = importFile(runner, "b.csv", "+919101234511\n");
        ImportJournal.writeManifest(imports.resolve(interrupted.id()),
                ImportJournal.readManifest(imports.resolve(interrupted.id())).withState("stopped"));
        endedDaysAgo(imports, finished.id(), 8);
        endedDaysAgo(imports, interrupted.id(), 400);

        importFile(runner, "c.csv", "+919101234512\n");

        assertThat(Files.exists(imports.resolve(finished.id()))).isFalse();
        assertThat(Files.exists(imports.resolve(interrupted.id()))).isTrue();
    }
}
