package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.Page;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.ThrottledException;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dialbook sandbox ...}: options reach the running sandbox, and mistakes get clear messages. */
class SandboxCommandTest {

    @TempDir
    Path home;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(SandboxCommand.Runner runner, String... args) {
        CommandLine commandLine = new CommandLine(new SandboxCommand(AppDirs.under(home), runner));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsHowToReachItAndServesTheDefaultDataFolder() {
        List<SandboxServer> seen = new ArrayList<>();
        Run run = run(server -> {
            seen.add(server);
            try (ContactsClient client = ContactsClient.builder(server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build()) {
                Page<Contact> page = client.listContacts(ListQuery.firstPage());
                assertThat(page.total()).isEqualTo(12);
            }
        }, "--port", "0", "--demo-contacts", "12");

        assertThat(run.exitCode()).as(run.err()).isZero();
        SandboxServer server = seen.get(0);
        assertThat(run.out()).contains("Base URL:     " + server.baseUrl())
                .contains("Account SID:  sandbox").contains("API key:      sandbox-key")
                .contains("API token:    sandbox-token").contains("Contacts:     12")
                .contains(home.resolve("data").resolve("sandbox").toString())
                .contains("curl -u sandbox-key:sandbox-token '" + server.baseUrl()
                        + "/v2/accounts/sandbox/contacts?offset=0&limit=20'")
                .contains("Sandbox stopped.");
        assertThat(home.resolve("data").resolve("sandbox").resolve("sandbox.mv.db")).exists();
    }

    @Test
    void accountThrottleAndFaultsReachTheServer() {
        Run run = run(server -> {
            assertThat(server.defaultAccount().accountSid()).isEqualTo("acme");
            assertThat(server.dataDir()).isEmpty();
            assertThat(server.faults().throttlePerMinute()).isEqualTo(2);
            assertThat(server.faults().latency()).isEqualTo(Duration.ofMillis(5));
            assertThat(server.faults().item429Fraction()).isEqualTo(0.25);
            assertThat(server.faults().seed()).isEqualTo(9);
            try (ContactsClient client = ContactsClient.builder(server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build()) {
                server.faults().item429Fraction(0);
                client.createContacts(List.of(NewContact.of("+919101234510")));
                client.listContacts(ListQuery.firstPage());
                assertThatThrownBy(() -> client.listContacts(ListQuery.firstPage()))
                        .isInstanceOf(ThrottledException.class);
            }
            assertThat(server.accounts()).extracting(SandboxAccount::accountSid).containsExactly("acme", "beta");
            try (ContactsClient beta = ContactsClient.builder(server.connectionSettings(server.accounts().get(1)))
                    .retryPolicy(RetryPolicy.none()).build()) {
                assertThat(beta.listContacts(ListQuery.firstPage()).total()).isZero();
            }
        }, "--port", "0", "--in-memory", "--account", "acme", "--api-key", "k", "--api-token", "t",
                "--account", "beta", "--api-key", "k2", "--api-token", "t2",
                "--throttle", "2/min", "--faults", "latency=5ms,item429=0.25", "--seed", "9");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Account SID:  acme").contains("Account SID:  beta").contains("in memory");
    }

    @Test
    void mistakesAreNamed() {
        SandboxCommand.Runner never = server -> {
            throw new AssertionError("must not start");
        };
        Run partial = run(never, "--port", "0", "--in-memory", "--account", "acme");
        assertThat(partial.exitCode()).isEqualTo(2);
        assertThat(partial.err()).contains("Missing required argument").contains("--api-key").contains("--api-token");

        Run badSid = run(never, "--port", "0", "--in-memory", "--account", "a b", "--api-key", "k", "--api-token", "t");
        assertThat(badSid.exitCode()).isEqualTo(2);
        assertThat(badSid.err()).contains("account SID");

        Run badFaults = run(never, "--port", "0", "--in-memory", "--faults", "error=3");
        assertThat(badFaults.exitCode()).isEqualTo(2);
        assertThat(badFaults.err()).contains("error").contains("from 0 to 1");

        Run badThrottle = run(never, "--port", "0", "--in-memory", "--throttle", "lots");
        assertThat(badThrottle.exitCode()).isEqualTo(2);
        assertThat(badThrottle.err()).contains("30/min");

        Run both = run(never, "--in-memory", "--data", home.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aTakenPortIsExplained() {
        // By hand: a sandbox that holds a port, so the command finds it taken.
        try (SandboxServer taken = SandboxServer.start(SandboxOptions.builder().build())) {
            Run run = run(server -> {
                throw new AssertionError("must not start");
            }, "--port", Integer.toString(taken.port()), "--in-memory");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("Cannot listen on 127.0.0.1:" + taken.port()).contains("--port N");
        }
    }

    @Test
    void isASubcommandOfDialbook() {
        assertThat(Dialbook.newCommandLine().getSubcommands()).containsKey("sandbox");
    }

    @Test
    void exotelLimitsAndConnectionBehaviourFlagsReachTheServer() {
        List<SandboxServer> seen = new ArrayList<>();
        Run run = run(server -> {
            seen.add(server);
            try (ContactsClient client = ContactsClient.builder(server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build()) {
                assertThat(client.listContacts(ListQuery.firstPage()).total()).isZero();
            }
        }, "--port", "0", "--in-memory", "--exotel-limits", "--rest-exception-429", "--idle-timeout", "2s",
                "--http10");

        assertThat(run.exitCode()).as(run.err()).isZero();
        SandboxOptions options = seen.get(0).options();
        assertThat(options.exotelLimits()).isTrue();
        assertThat(options.restException429()).isTrue();
        assertThat(options.idleTimeout()).contains(Duration.ofSeconds(2));
        assertThat(options.http10()).isTrue();

        Run bad = run(server -> { }, "--port", "0", "--in-memory", "--idle-timeout", "soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("A duration must look like 200ms or 1.5s, got 'soon'");
    }
}
