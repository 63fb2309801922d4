package org.dialbook.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.sandbox.SandboxWithClock;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports against the real in-process sandbox, through the real client and its paging and pacing. */
class ContactExporterSandboxTest {
    private static final int CONTACTS = 45;

    private final TestClock time = TestClock.fixed();
    private SandboxServer sandbox;
    private ContactsClient client;
    private List<Contact> created;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        sandbox = SandboxWithClock.start(time, 11);
        // One clock for both sides: the client's waits move the sandbox's throttle window.
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.defaults())
                .sleeper(time::sleep).clock(time).build();
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(NewContact.builder(String.format("+9191012%05d", i))
                    .firstName(i % 3 == 0 ? "Asha" : "Ravi").lastName("No" + i)
                    .customField(i % 2 == 0 ? JsonParser.parseString("{\"plan\":\"gold\",\"visits\":" + i + "}") : null)
                    .build());
        }
        BulkResult<Contact> result = client.createContacts(contacts);
        assertThat(result.allSucceeded()).isTrue();
        created = result.items().stream().map(item -> item.value()).toList();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    @Test
    void allContactsAreWalkedPageByPageInOrderWithProgress() throws IOException {
        Path out = dir.resolve("all.csv");
        List<long[]> progress = new ArrayList<>();

        ExportResult result = new ContactExporter(client).export(ExportScope.all(), out, ExportOptions.defaults(),
                (done, total) -> progress.add(new long[] {done, total}), new CancelToken());

        assertThat(result.completed()).isTrue();
        assertThat(result.contacts()).isEqualTo(CONTACTS);
        List<NamedCsvRecord> rows = read(out);
        assertThat(rows).extracting(row -> row.getField("sid")).containsExactlyElementsOf(
                created.stream().map(Contact::sid).toList());
        assertThat(rows.get(7).getField("number")).isEqualTo("+919101200007");
        assertThat(rows.get(6).getField("custom.visits")).isEqualTo("6");
        assertThat(rows.get(7).getField("custom.plan")).isEmpty();
        assertThat(progress.get(0)).containsExactly(0, -1);
        assertThat(progress.get(1)).containsExactly(0, CONTACTS);
        assertThat(progress.get(progress.size() - 1)).containsExactly(CONTACTS, CONTACTS);
        assertThat(progress).extracting(step -> step[0]).isSorted();
    }

    @Test
    void aNameSearchExportsOnlyTheMatches() throws IOException {
        Path out = dir.resolve("asha.csv");

        ExportResult result = new ContactExporter(client).export(ExportScope.search("asha"), out,
                ExportOptions.defaults(), ExportListener.NONE, new CancelToken());

        assertThat(result.contacts()).isEqualTo(15);
        assertThat(read(out)).extracting(row -> row.getField("first_name")).containsOnly("Asha").hasSize(15);
    }

    @Test
    void aListExportsOnlyItsMembers() throws IOException {
        String listSid = sandbox.createList(sandbox.defaultAccount().accountSid(), "Callbacks",
                List.of(created.get(3).sid(), created.get(30).sid())).sid();
        Path out = dir.resolve("list.csv");

        new ContactExporter(client).export(ExportScope.lists(List.of(listSid)), out, ExportOptions.defaults(),
                ExportListener.NONE, new CancelToken());

        assertThat(read(out)).extracting(row -> row.getField("sid"))
                .containsExactly(created.get(3).sid(), created.get(30).sid());
    }

    @Test
    void throttlingIsRiddenOutByTheClientsRetries() throws IOException {
        sandbox.faults().throttlePerMinute(1);
        Path out = dir.resolve("throttled.csv");

        ExportResult result = new ContactExporter(client).export(ExportScope.all(), out, ExportOptions.defaults(),
                ExportListener.NONE, new CancelToken());

        assertThat(result.contacts()).isEqualTo(CONTACTS);
        assertThat(read(out)).hasSize(CONTACTS);
        assertThat(time.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void cancellingMidwayStopsFetchingAndWritesNothing() throws IOException {
        Path out = dir.resolve("cancelled.csv");
        CancelToken cancel = new CancelToken();

        ExportResult result = new ContactExporter(client).export(ExportScope.all(), out, ExportOptions.defaults(),
                (done, total) -> {
                    if (done == 25) {
                        cancel.cancel();
                    }
                }, cancel);

        assertThat(result.completed()).isFalse();
        assertThat(result.contacts()).isEqualTo(25);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anAuthenticationFailureLeavesNoFileBehind() {
        ConnectionSettings wrong = ConnectionSettings.forBaseUrl(sandbox.baseUrl().toString(),
                sandbox.defaultAccount().accountSid(), "sandbox-key", "not-the-token");
        Path out = dir.resolve("denied.csv");
        try (ContactsClient denied = ContactsClient.builder(wrong).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> new ContactExporter(denied).export(ExportScope.all(), out,
                    ExportOptions.defaults(), ExportListener.NONE, new CancelToken()))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThat(dir).isEmptyDirectory();
    }

    private static List<NamedCsvRecord> read(Path file) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(file, StandardCharsets.UTF_8)) {
            return reader.stream().toList();
        }
    }
}
