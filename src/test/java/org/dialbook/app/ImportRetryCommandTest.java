package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.jobs.CancelToken;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dialbook import --retry FILE} after an import that was cancelled part-way, and {@code --resume} after it. */
class ImportRetryCommandTest {
    private static final int ROWS = 1200;

    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ImportCommand command = new ImportCommand(fixture::settings,
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build(),
                () -> dir.resolve("imports"));
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private Path csv() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("Name,Phone");
        for (int i = 0; i < ROWS; i++) {
            lines.add("Person " + i + "," + String.format("+9191%08d", i));
        }
        Path file = dir.resolve("people.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> numbersInAccount() {
        try (ContactsClient client = ContactsClient.builder(fixture.settings()).build();
                Stream<Contact> stream = client.streamContacts(ListQuery.firstPage())) {
            return stream.map(Contact::number).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void retryAfterACancelledImportCreatesExactlyTheMissingRows() throws Exception {
        Path file = csv();
        CsvInspection inspection = CsvInspector.inspect(file);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(100));
        CancelToken cancel = new CancelToken();
        ImportResult cancelled;
        try (ContactsClient client = ContactsClient.builder(fixture.settings()).build()) {
            ImportRunner runner = new ImportRunner(client, dir.resolve("imports"),
                    ImportCommand.destinationOf(fixture.settings()));
            cancelled = runner.start(plan, ROWS, progress -> {
                if (progress.rowsDone() >= 300) {
                    cancel.cancel();
                }
            }, cancel);
        }
        assertThat(cancelled.cancelled()).isTrue();
        int before = numbersInAccount().size();
        assertThat(before).isBetween(300, ROWS - 1);

        int code = run(file.toString(), "--retry");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Retrying import " + cancelled.id()).contains(ROWS + " created");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            expected.add(String.format("+9191%08d", i));
        }
        assertThat(numbersInAccount()).isEqualTo(expected);

        assertThat(run(file.toString(), "--resume")).isEqualTo(ImportCommand.USAGE);
        assertThat(err.toString()).contains("There is no interrupted import of");
    }

    @Test
    void resumeOfAFinishedImportWithFailedRowsPointsToRetry() throws Exception {
        Path file = csv();
        fixture.server().faults().item429Fraction(1.0);
        assertThat(run(file.toString(), "--batch-size", "500")).isEqualTo(ImportCommand.FAILED);
        assertThat(err.toString()).contains("--retry");
        fixture.server().faults().item429Fraction(0);

        assertThat(run(file.toString(), "--resume")).isEqualTo(ImportCommand.USAGE);
        assertThat(err.toString()).contains("finished with " + ROWS + " rows failed or unknown; run with --retry");

        assertThat(run(file.toString(), "--retry")).isZero();
        assertThat(numbersInAccount()).hasSize(ROWS);
    }
}
