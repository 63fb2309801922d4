package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialbook contacts ...} against the real in-process sandbox. */
class ContactsCliSandboxTest {
    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory().with(options -> options.seed(3));

    private JsonArray listJson() {
        CliRun list = CliRun.contacts(sandbox.env(), "list", "--all", "--format", "json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return JsonParser.parseString(list.out()).getAsJsonArray();
    }

    @Test
    void createListUpdateDeleteFromTheCommandLine(@TempDir Path dir) throws Exception {
        CliRun created = CliRun.contacts(sandbox.env(), "create", "--number", "+919101234510", "--first-name", "Asha",
                "--tag", "lead", "--custom", "{\"plan\":\"gold\"}");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created ").contains("+919101234510  Asha");
        assertThat(CliRun.contacts(sandbox.env(), "create", "--number", "+919101234511").exitCode()).isZero();

        JsonArray contacts = listJson();
        assertThat(contacts).hasSize(2);
        JsonObject asha = contacts.get(0).getAsJsonObject();
        String sid = asha.get("sid").getAsString();
        assertThat(asha.get("custom_field")).isEqualTo(JsonParser.parseString("{\"plan\":\"gold\"}"));

        CliRun updated = CliRun.contacts(sandbox.env(), "update", sid, "--set", "last_name=Rao", "--set", "tag=");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        CliRun got = CliRun.contacts(sandbox.env(), "get", sid);
        assertThat(got.out()).contains("last_name:    Rao").containsPattern("(?m)^tag:\\s*$");

        Path file = dir.resolve("bulk.json");
        Files.writeString(file, "{\"contacts\":[{\"sid\":\"" + sid + "\",\"company_name\":\"Exotel\"},"
                + "{\"sid\":\"ffffffffffffffffffffffffffffffff\",\"tag\":\"x\"}]}");
        CliRun bulk = CliRun.contacts(sandbox.env(), "bulk-update", file.toString());
        assertThat(bulk.exitCode()).isEqualTo(1);
        assertThat(bulk.err()).contains("item 2 (sid ffffffffffffffffffffffffffffffff): 404 / 1000");
        assertThat(bulk.out().strip()).isEqualTo("Updated 1 of 2 contacts; 1 failed.");

        CliRun table = CliRun.contacts(sandbox.env(), "list", "--sort-by", "name:asc");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("Asha", "Rao", "Exotel", "Contacts 1-2 of 2.");

        CliRun deleted = CliRun.contacts(sandbox.env(), "delete", sid, "ffffffffffffffffffffffffffffffff");
        assertThat(deleted.exitCode()).isEqualTo(1);
        assertThat(deleted.out()).startsWith("Deleted " + sid);
        assertThat(deleted.err()).contains("Not deleted ffffffffffffffffffffffffffffffff: 404 / 1000");
        assertThat(listJson()).hasSize(1);
    }

    @Test
    void aWrongTokenExitsOneWithTheAuthCode() {
        Map<String, String> wrong = CliRun.env(sandbox.server().baseUrl().toString(), "sandbox", "sandbox-key", "nope");

        CliRun run = CliRun.contacts(wrong, "list");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Error: 401 / 1010");
    }
}
