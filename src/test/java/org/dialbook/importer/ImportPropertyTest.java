package org.dialbook.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dialbook.api.ContactsClient;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;

/**
 * Random CSV text never escapes the engine as anything but a clear ImportFileException, and every
 * row ends in exactly one outcome, also when the sandbox rejects items and loses answers.
 */
class ImportPropertyTest {
    private static Path dir;
    private static SandboxServer sandbox;
    private static ContactsClient client;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("import-property");
        // By hand: jqwik runs the properties, and JUnit extensions such as InProcessSandbox do not apply there.
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().seed(3).build());
        // Faults the import must absorb without losing count: rejected items and lost answers.
        sandbox.faults().item429Fraction(0.1).lostResponseFraction(0.1);
        client = ContactsClient.builder(sandbox.connectionSettings()).sleeper(delay -> { }).build();
    }

    @AfterContainer
    static void removeDir() throws IOException {
        client.close();
        sandbox.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> csvText() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.of("+919101234510", "9101234511", "9.19101E+11", "12345", "", "\"", "\"\"", "a,b",
                        "\"q,\"\"x\"\"\"", "asha@example.com", "bad@", "Zoë", "\r", "\n", "\r\n", ";", "\t", "|"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(14));
        return cell.list().ofMaxSize(60).map(cells -> String.join(",", cells));
    }

    @Property(tries = 40)
    void randomContentNeverThrowsAndCountsAddUp(@ForAll("csvText") String body, @ForAll boolean header)
            throws Exception {
        Path file = Files.createTempFile(dir, "random", ".csv");
        Files.writeString(file, (header ? "phone,name,email\n" : "") + body, StandardCharsets.UTF_8);
        CsvInspection inspection;
        try {
            inspection = CsvInspector.inspect(file);
        } catch (ImportFileException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        ColumnMapping mapping = MappingSuggester.suggest(inspection);
        if (mapping.numberColumn() < 0) {
            mapping = mapping.with(0, ColumnTarget.of(ColumnTarget.Kind.NUMBER));
        }
        if (mapping.problem(inspection.headers()).isPresent()) {
            List<ColumnTarget> targets = new java.util.ArrayList<>();
            for (int i = 0; i < inspection.columnCount(); i++) {
                targets.add(i == 0 ? ColumnTarget.of(ColumnTarget.Kind.NUMBER) : ColumnTarget.IGNORED);
            }
            mapping = new ColumnMapping(targets);
        }
        ImportPlan plan = ImportPlan.of(inspection, mapping, ImportOptions.defaults("IN").withBatchSize(7));
        ImportPreview preview;
        try {
            preview = new Previewer(null).preview(plan, ImportListener.none(), CancelToken.none());
        } catch (ImportFileException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(preview.toCreate() + preview.toUpdate() + preview.toSkip() + preview.invalid())
                .isEqualTo(preview.rows());

        ImportResult result = new ImportRunner(client, dir.resolve("imports")).start(plan, preview.rows(),
                ImportListener.none(), CancelToken.none());
        ImportSummary summary = result.summary();
        assertThat(summary.rows()).isEqualTo(preview.rows());
        assertThat(summary.created() + summary.updated() + summary.skipped() + summary.invalid() + summary.failed()
                + summary.unknown()).isEqualTo(summary.rows());
        assertThat(summary.pending()).isZero();
        assertThat(summary.invalid()).isEqualTo(preview.invalid());
    }
}
