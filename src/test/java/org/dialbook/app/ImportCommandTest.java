package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ImportCommand command = new ImportCommand(sandbox::settings,
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build(),
                () -> dir.resolve("imports"));
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private List<Contact> contacts() {
        try (ContactsClient client = ContactsClient.builder(sandbox.settings()).build();
                Stream<Contact> stream = client.streamContacts(ListQuery.firstPage())) {
            return stream.collect(Collectors.toList());
        }
    }

    @Test
    void importIntoANewListThenListContactsPrintsTheSameContacts() throws Exception {
        int code = run(Path.of("assets/samples/contacts-sample.csv").toString(), "--list", "Diwali callers");

        assertThat(code).as(err.toString()).isZero();
        List<Contact> imported = contacts();
        assertThat(out.toString()).contains("List: " + imported.size() + " rows in list 'Diwali callers'");
        StringWriter listed = new StringWriter();
        CommandLine lists = new CommandLine(new ListsCommand(sandbox::settings,
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build()));
        lists.setCaseInsensitiveEnumValuesAllowed(true);
        lists.setOut(new PrintWriter(listed));
        assertThat(lists.execute("contacts", "Diwali callers", "--format", "csv")).isZero();
        String csv = listed.toString();
        assertThat(csv.split("\r\n")).hasSize(imported.size() + 1);
        imported.forEach(contact -> assertThat(csv).contains(contact.sid() + "," + contact.number()));
    }

    @Test
    void twoRequestsInFlightImportTheSameRowsAndAThirdIsRefusedByName() throws Exception {
        int code = run(Path.of("assets/samples/contacts-sample.csv").toString(), "--batch-size", "5",
                "--in-flight", "2");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("50 rows: 44 created, 0 updated, 1 skipped, 5 invalid, 0 failed");
        assertThat(contacts()).hasSize(44);

        assertThat(run(Path.of("assets/samples/contacts-sample.csv").toString(), "--in-flight", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--in-flight must be 1 or 2; got 3");
    }

    @Test
    void importsTheSampleAndWritesTheReport() throws Exception {
        Path report = dir.resolve("report.csv");
        int code = run(Path.of("assets/samples/contacts-sample.csv").toString(), "--country", "IN", "--tag",
                "sample", "--report", report.toString(), "--batch-size", "10");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("50 rows: 44 created, 0 updated, 1 skipped, 5 invalid, 0 failed");
        List<Contact> contacts = contacts();
        assertThat(contacts).hasSize(44).allSatisfy(contact -> {
            assertThat(contact.tag()).isEqualTo("sample");
            assertThat(contact.number()).startsWith("+91");
        });
        List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(51);
        assertThat(lines.get(0)).startsWith("row,outcome,sid,detail,Phone Number,First Name");
        assertThat(String.join("\n", lines)).contains("scientific notation").contains("not an e-mail address")
                .contains("is already on row");
    }

    @Test
    void dryRunSendsNothing() {
        int code = run("assets/samples/contacts-sample-semicolon.csv", "--dry-run");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("semicolon-separated").contains("Mobile -> number")
                .contains("Dry run: 30 rows");
        assertThat(contacts()).isEmpty();
    }

    @Test
    void windows1252SampleKeepsItsAccents() {
        int code = run("assets/samples/contacts-sample-windows1252.csv", "--country", "SG");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Windows-1252");
        assertThat(contacts()).extracting(Contact::firstName).contains("Zoë", "François", "Chloé");
    }

    @Test
    void exitCodeIsNonZeroWhenRowsFail() {
        sandbox.server().faults().item429Fraction(1.0);
        int code = run("assets/samples/contacts-sample.csv", "--map", "Email=ignore");

        assertThat(code).isEqualTo(ImportCommand.FAILED);
        assertThat(out.toString()).contains("45 failed");
        assertThat(err.toString()).contains("did not make it");
    }

    @Test
    void badUsageIsOneClearLine() {
        assertThat(run("assets/samples/contacts-sample.csv", "--map", "Nope=email")).isEqualTo(ImportCommand.USAGE);
        assertThat(err.toString()).contains("no column named 'Nope'");
        assertThat(run(dir.resolve("missing.csv").toString())).isEqualTo(ImportCommand.USAGE);
        assertThat(run("assets/samples/contacts-sample.csv", "--duplicates", "maybe")).isEqualTo(ImportCommand.USAGE);
    }
}
