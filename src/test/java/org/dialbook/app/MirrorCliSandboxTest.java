package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxRequest;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialbook sync} and {@code dialbook contacts find} against the in-process sandbox. */
class MirrorCliSandboxTest {
    @TempDir
    Path home;
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.seed(5));
    private SandboxServer sandbox;
    private Map<String, String> env;
    private AppDirs dirs;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        SandboxAccount account = sandbox.defaultAccount();
        env = CliRun.env(sandbox.baseUrl().toString(), account.accountSid(), account.apiKey(), account.apiToken());
        dirs = AppDirs.under(home);
        for (int i = 0; i < 30; i++) {
            assertThat(CliRun.contacts(env, "create", "--number", String.format("+91984501%04d", i), "--first-name",
                    "Asha" + i, "--company", i % 2 == 0 ? "Exotel" : "Acme", "--tag", i < 5 ? "diwali" : "lead")
                    .exitCode()).isZero();
        }
    }

    @Test
    void syncThenFindANumberFragmentInAScript() {
        CliRun sync = CliRun.sync(env, dirs);
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.out().strip()).as("two pages of contacts, then one read of the account's (no) lists")
                .isEqualTo("Mirror up to date: 30 contacts (3 reads).");
        assertThat(sync.err()).contains("Indexing your contacts: 30 of 30");

        CliRun find = CliRun.contacts(env, dirs, "find", "98450-10012");
        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(find.out()).contains("+919845010012", "Asha12").contains("1 of 1 matching contacts.");
        assertThat(find.err()).isEmpty();
    }

    @Test
    void findAFragmentOfAnyLengthAnywhereInTheNumber() {
        assertThat(CliRun.sync(env, dirs).exitCode()).isZero();
        CliRun five = CliRun.contacts(env, dirs, "find", "98450", "--format", "csv");
        assertThat(five.out().lines()).hasSize(31);
        // Two digits have no trigram; they still match inside the number, not only at its start.
        CliRun two = CliRun.contacts(env, dirs, "find", "29", "--format", "csv");
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.out().lines().skip(1)).hasSize(1).first().asString().contains("+919845010029");
        CliRun one = CliRun.contacts(env, dirs, "find", "98");
        assertThat(one.out()).contains("30 of 30 matching contacts.");
    }

    @Test
    void anImportWithDuplicatesSkipOverACompleteMirrorMakesNoFullWalk() throws Exception {
        List<NewContact> more = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            more.add(NewContact.builder(String.format("+91700000%04d", i)).firstName("Bulk" + i).build());
        }
        try (ContactsClient client = ContactsClient.builder(sandbox.connectionSettings()).build()) {
            client.createContacts(more);
        }
        assertThat(CliRun.sync(env, dirs).exitCode()).isZero();
        Path csv = home.resolve("more.csv");
        Files.writeString(csv, "number,first_name\n+919845010003,Again\n+919845019999,Fresh\n");
        int before = sandbox.requests().size();

        CliRun run = CliRun.importing(env, dirs, csv.toString(), "--duplicates", "skip");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<SandboxRequest> during = sandbox.requests().subList(before, sandbox.requests().size());
        // The walk would be 12 pages of 20; the incremental sync reads the newest page, and the slow
        // sweep 5 pages of its pass, but nothing walks the whole account.
        long reads = during.stream().filter(request -> request.method().equals("GET")).count();
        assertThat(reads).as("reads during the import").isLessThanOrEqualTo(6);
        CliRun find = CliRun.contacts(env, dirs, "find", "98450", "--format", "csv", "--offline");
        assertThat(find.out()).contains("+919845019999").doesNotContain("Again");
        // Written into the mirror from the server's answer: found with no sync in between.
        assertThat(find.out().lines().skip(1)).hasSize(31);
    }

    @Test
    void findSyncsAFreshMirrorFirstAndFiltersByTagAndCompany() {
        CliRun find = CliRun.contacts(env, dirs, "find", "asha", "--tag", "DIWALI", "--company", "exotel",
                "--format", "json");
        assertThat(find.exitCode()).as(find.err()).isZero();
        assertThat(find.err()).contains("syncing it first");
        JsonArray found = JsonParser.parseString(find.out()).getAsJsonArray();
        assertThat(found).hasSize(3);
        assertThat(found.get(0).getAsJsonObject().keySet()).containsExactly("sid", "date_created", "date_updated",
                "account_sid", "number", "first_name", "last_name", "company_name", "email", "tag", "custom_field",
                "uri");
    }

    @Test
    void findOfflineOnAnEmptyMirrorSaysWhatItCovers() {
        CliRun find = CliRun.contacts(env, dirs, "find", "98450", "--offline");
        assertThat(find.exitCode()).isZero();
        assertThat(find.err()).contains("searched 0 contacts; indexing…");
        assertThat(find.out()).contains("No contacts match.");
    }

    @Test
    void csvAndPaging() {
        assertThat(CliRun.sync(env, dirs, "--full").exitCode()).isZero();
        CliRun csv = CliRun.contacts(env, dirs, "find", "+91 98450", "--limit", "5", "--offset", "25", "--format", "csv");
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out().lines()).hasSize(6).first().asString().startsWith("sid,number,");
        CliRun table = CliRun.contacts(env, dirs, "find", "lead", "--limit", "10");
        assertThat(table.out()).contains("10 of 25 matching contacts; more with --offset 10 or --all.");
    }

    @Test
    void usageErrorsNameTheProblem() {
        CliRun none = CliRun.contacts(env, dirs, "find");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Give a QUERY, or --tag, --company or --list");
        CliRun share = CliRun.sync(env, dirs, "--budget-share", "0");
        assertThat(share.exitCode()).isEqualTo(2);
        assertThat(share.err()).contains("--budget-share must be 1 to 100");
    }
}
