package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.Map;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialbook sync} and {@code dialbook contacts find} against the in-process sandbox. */
class MirrorCliSandboxTest {
    @TempDir
    Path home;
    private SandboxServer sandbox;
    private Map<String, String> env;
    private AppDirs dirs;

    @BeforeEach
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().seed(5).build());
        SandboxAccount account = sandbox.defaultAccount();
        env = CliRun.env(sandbox.baseUrl().toString(), account.accountSid(), account.apiKey(), account.apiToken());
        dirs = AppDirs.under(home);
        for (int i = 0; i < 30; i++) {
            assertThat(CliRun.contacts(env, "create", "--number", String.format("+91984501%04d", i), "--first-name",
                    "Asha" + i, "--company", i % 2 == 0 ? "Exotel" : "Acme", "--tag", i < 5 ? "diwali" : "lead")
                    .exitCode()).isZero();
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
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
