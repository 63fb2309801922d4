package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lists commands with a local mirror, against the in-process sandbox. */
class ListsMirrorCliTest {
    private SandboxServer sandbox;
    private Map<String, String> env;
    private AppDirs dirs;

    @BeforeEach
    void start(@TempDir Path home) {
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().seed(3).build());
        SandboxAccount account = sandbox.defaultAccount();
        env = CliRun.env(sandbox.baseUrl().toString(), account.accountSid(), account.apiKey(), account.apiToken());
        dirs = AppDirs.under(home);
        for (String[] contact : List.of(new String[] {"+919101234510", "=HYPERLINK(\"http://x.test\",\"Asha\")", "Acme Widgets"},
                new String[] {"+919101234511", "Ravi", "Acme Widgets"},
                new String[] {"+919101234512", "Meera", "Other Co"})) {
            CliRun made = CliRun.contacts(env, "create", "--number", contact[0], "--first-name", contact[1],
                    "--company", contact[2]);
            assertThat(made.exitCode()).as(made.err()).isZero();
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void findSearchesTheMirrorsEveryFieldAndListWritesReachTheMirrorAtOnce() {
        CliRun sync = CliRun.sync(env, dirs);
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        CliRun created = CliRun.lists(env, dirs, "create", "Diwali callers");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String listSid = created.out().replaceAll("(?s).*\\(([0-9a-f]{32})\\).*", "$1");

        // A company is no name: only the mirror's search finds it.
        CliRun add = CliRun.lists(env, dirs, "add", "Diwali callers", "--find", "widgets");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).contains("Added 2 of 2 contacts to 'Diwali callers'.");

        CliRun inList = CliRun.contacts(env, dirs, "find", "--list", listSid, "--offline", "--format", "csv");
        assertThat(inList.exitCode()).as(inList.err()).isZero();
        assertThat(inList.out()).contains("Ravi").doesNotContain("Meera");

        CliRun csv = CliRun.lists(env, dirs, "contacts", "Diwali callers", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(csv.out()).as("the formula is neutralised, as contacts list --format csv does")
                .contains("'=HYPERLINK(").doesNotContain(",=HYPERLINK(").doesNotContain(",\"=HYPERLINK(");
        assertThat(csv.out()).isEqualTo(CliRun.contacts(env, "list", "--all", "--format", "csv").out()
                .lines().filter(line -> !line.contains("Meera")).map(line -> line + "\r\n")
                .reduce("", String::concat));

        CliRun removed = CliRun.lists(env, dirs, "remove", "Diwali callers",
                csv.out().lines().filter(line -> line.contains("Ravi")).findFirst().orElseThrow().split(",")[0]);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        CliRun after = CliRun.contacts(env, dirs, "find", "--list", listSid, "--offline");
        assertThat(after.out()).doesNotContain("Ravi").contains("HYPERLINK");
    }

    @Test
    void importIntoAListReachesTheMirrorAtOnce() {
        CliRun sync = CliRun.sync(env, dirs);
        assertThat(sync.exitCode()).as(sync.err()).isZero();

        CliRun imported = CliRun.importing(env, dirs, Path.of("assets/samples/contacts-sample.csv").toString(),
                "--list", "Diwali callers");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("List: 44 rows in list 'Diwali callers'");

        // No sync in between: the mirror learnt the new list and its members from the import's answers.
        CliRun found = CliRun.contacts(env, dirs, "find", "--list", "Diwali callers", "--offline", "--format", "csv");
        assertThat(found.exitCode()).as(found.err()).isZero();
        assertThat(found.out().lines().count()).as(found.out()).isEqualTo(45);
        assertThat(found.out()).doesNotContain("Ravi");
    }
}
