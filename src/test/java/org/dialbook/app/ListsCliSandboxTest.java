package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialbook lists ...} against the real in-process sandbox. */
class ListsCliSandboxTest {
    @RegisterExtension
    final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.seed(3));
    private SandboxServer sandbox;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        sandbox = fixture.server();
        SandboxAccount account = sandbox.defaultAccount();
        env = CliRun.env(sandbox.baseUrl().toString(), account.accountSid(), account.apiKey(), account.apiToken());
        for (String[] contact : List.of(new String[] {"+919101234510", "Asha", "vip"},
                new String[] {"+919101234511", "Ravi", "VIP"}, new String[] {"+919101234512", "Meera", "lead"})) {
            CliRun made = CliRun.contacts(env, "create", "--number", contact[0], "--first-name", contact[1], "--tag",
                    contact[2]);
            assertThat(made.exitCode()).as(made.err()).isZero();
        }
    }

    private List<String> sids() {
        CliRun list = CliRun.contacts(env, "list", "--all", "--format", "json");
        JsonArray contacts = JsonParser.parseString(list.out()).getAsJsonArray();
        return contacts.asList().stream().map(c -> c.getAsJsonObject().get("sid").getAsString()).toList();
    }

    @Test
    void createAddListRenameRemoveAndDeleteByName(@TempDir Path dir) throws Exception {
        CliRun created = CliRun.lists(env, "create", "Diwali callers", "--tag", "festive");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created list 'Diwali callers' (");

        CliRun byTag = CliRun.lists(env, "add", "diwali callers", "--tag", "vip");
        assertThat(byTag.exitCode()).as(byTag.err()).isZero();
        assertThat(byTag.out()).contains("Added 2 of 2 contacts to 'Diwali callers'.");

        CliRun byName = CliRun.lists(env, "add", "Diwali callers", "--find", "meer");
        assertThat(byName.out()).contains("Added 1 of 1");

        CliRun all = CliRun.lists(env);
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.out()).containsPattern("(?m)^NAME\\s+CONTACTS\\s+TAG\\s+SID$")
                .containsPattern("(?m)^Diwali callers\\s+3\\s+festive\\s+[0-9a-f]{32}$");

        CliRun csv = CliRun.lists(env, "contacts", "Diwali callers", "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(csv.out().split("\r\n")).hasSize(4);
        assertThat(csv.out()).contains("Asha", "Ravi", "Meera");

        List<String> sids = sids();
        CliRun removed = CliRun.lists(env, "remove", "Diwali callers", sids.get(0));
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(CliRun.lists(env, "contacts", "Diwali callers").out()).doesNotContain("Asha").contains("Ravi");

        assertThat(CliRun.lists(env, "rename", "Diwali callers", "Diwali 2026").exitCode()).isZero();
        CliRun duplicate = CliRun.lists(env, "create", "DIWALI 2026");
        assertThat(duplicate.exitCode()).isEqualTo(ContactsSubcommand.FAILED);
        assertThat(duplicate.err()).startsWith("Error: ").contains("409 / 1008", "already exists");

        Path file = dir.resolve("sids.txt");
        Files.writeString(file, "sid\n" + sids.get(0) + "\n\n# comment\nffffffffffffffffffffffffffffffff\n");
        CliRun fromFile = CliRun.lists(env, "add", "Diwali 2026", "--sids", file.toString());
        assertThat(fromFile.exitCode()).isEqualTo(ContactsSubcommand.FAILED);
        assertThat(fromFile.out()).contains("Added 1 of 2");
        assertThat(fromFile.err()).contains("ffffffffffffffffffffffffffffffff: 404 / 1000");

        CliRun deleted = CliRun.lists(env, "delete", "Diwali 2026");
        assertThat(deleted.out()).contains("Deleted list 'Diwali 2026'; its 3 contacts stay in the book.");
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(3);
        assertThat(CliRun.lists(env).out()).contains("No lists yet");
    }

    @Test
    void usageAndUnknownListsAreOneClearLine(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.lists(env, "contacts", "Nope");
        assertThat(missing.exitCode()).isEqualTo(ContactsSubcommand.FAILED);
        assertThat(missing.err()).isEqualTo("Error: No list named 'Nope' in this account" + System.lineSeparator());

        CliRun both = CliRun.lists(env, "add", "X", "--tag", "a", "--find", "b");
        assertThat(both.exitCode()).isEqualTo(2);

        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "abc\nnot a sid\n");
        CliRun bad = CliRun.lists(env, "add", "X", "--sids", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("not a contact sid at line 2");
    }
}
