package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.NewList;
import org.dialbook.api.RetryPolicy;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dialbook export ...} against the real in-process sandbox. */
class ExportCommandSandboxTest {
    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory().with(options -> options.seed(5));

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        assertThat(sandbox.client().createContacts(List.of(
                NewContact.builder("+919101234510").firstName("Asha").lastName("Rao")
                        .customField(JsonParser.parseString("{\"plan\":\"gold\"}")).build(),
                NewContact.builder("+14155550100").firstName("=cmd|' /C calc'!A0").build(),
                NewContact.builder("+919101234511").firstName("Ravi").build())).allSucceeded()).isTrue();
    }

    @Test
    void exportsEveryContactToTheFileAndSaysSo() throws Exception {
        Path out = dir.resolve("contacts.csv");

        Run run = export(sandbox.env(), out.toString(), "--bom");

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out).isEqualTo("Exported 3 contacts to " + out.toAbsolutePath() + " (custom columns: custom.plan)"
                + System.lineSeparator());
        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(
                "number,first_name,last_name,company_name,email,tag,custom.plan,sid,date_created,date_updated");
        assertThat(lines.get(1)).startsWith("+919101234510,Asha,Rao,,,,gold,");
        assertThat(lines.get(2)).startsWith("+14155550100,'=cmd|' /C calc'!A0,,,,,,");
    }

    @Test
    void aNameSearchWithoutSystemColumns() throws Exception {
        Path out = dir.resolve("ravi.csv");

        Run run = export(sandbox.env(), out.toString(), "--name", "rav", "--no-system-columns");

        assertThat(run.code).as(run.err).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("number,first_name,last_name,company_name,email,tag",
                "+919101234511,Ravi,,,,");
    }

    @Test
    void aListNamedByItsNameAndAnUnknownListSaysSoWithNoFile() throws Exception {
        var list = sandbox.client().lists().createList(NewList.named("VIP callers"));
        String ravi = sandbox.client().streamContacts(ListQuery.firstPage().withName("Ravi")).findFirst()
                .orElseThrow().sid();
        assertThat(sandbox.client().lists().addContacts(list.sid(), List.of(ravi)).allSucceeded()).isTrue();
        Path out = dir.resolve("vip.csv");

        Run run = export(sandbox.env(), out.toString(), "--list", "vip callers", "--no-system-columns");

        assertThat(run.code).as(run.err).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("number,first_name,last_name,company_name,email,tag",
                "+919101234511,Ravi,,,,");

        Path none = dir.resolve("none.csv");
        Run unknown = export(sandbox.env(), none.toString(), "--list", "Holi callers");
        assertThat(unknown.code).isNotZero();
        assertThat(unknown.err).contains("No list named 'Holi callers' in this account");
        assertThat(none).doesNotExist();
    }

    @Test
    void aMissingSettingIsAUsageErrorNamingIt() {
        Run run = export(Map.of(), dir.resolve("x.csv").toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("EXOTEL_API_KEY is not set");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aWrongTokenFailsWithOneLineAndNoFile() {
        Map<String, String> wrong = CliRun.env(sandbox.server().baseUrl().toString(),
                sandbox.server().defaultAccount().accountSid(),
                "sandbox-key", "wrong-token");

        Run run = export(wrong, dir.resolve("x.csv").toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).startsWith("Error: ").contains("No file was written").doesNotContain("wrong-token");
        assertThat(run.err.lines()).hasSize(1);
        assertThat(dir).isEmptyDirectory();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run export(Map<String, String> env, String... args) {
        ExportCommand command = new ExportCommand(new EnvConnection(env),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build());
        CommandLine commandLine = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
