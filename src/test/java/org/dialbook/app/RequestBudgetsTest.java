package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The account's request budgets come from the profile and from {@code --writes-per-minute} /
 * {@code --reads-per-minute}, and the client paces to them: checked on the in-process sandbox (which
 * has no budget of its own) with a test clock, so no real minute passes.
 */
class RequestBudgetsTest {
    @TempDir
    Path config;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory().with(options -> options.demoContacts(3).seed(5));
    private ProfileService profiles;
    private final TestClock clock = TestClock.fixed();
    private final List<ConnectionSettings> opened = new ArrayList<>();

    @BeforeEach
    void start() {
        profiles = new ProfileService(new ProfileStore(config),
                new FallbackSecretStore(new SessionSecretStore(), new SessionSecretStore()), sandbox::settings);
        ConnectionProfile slow = new ConnectionProfile("slow1", "Slow account", null,
                sandbox.server().baseUrl().toString(), "sandbox", "IN", false).withBudgets(1, 2);
        profiles.save(slow, new ApiCredentials("sandbox-key", "sandbox-token"));
    }

    private CliRun contacts(String... args) {
        ContactsCommand command = new ContactsCommand(new EnvConnection(Map.of()),
                name -> new ProfileConnection(profiles, name),
                settings -> {
                    opened.add(settings);
                    return ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).clock(clock)
                            .sleeper(clock::sleep).build();
                });
        CommandLine commandLine = new CommandLine(command);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void theProfileKeepsItsBudgetsAndAFileWithoutThemKeepsTheHostDefaults() throws Exception {
        ConnectionProfile stored = new ProfileStore(config).load().profiles().get(0);
        assertThat(stored.writesPerMinute()).isEqualTo(1);
        assertThat(stored.readsPerMinute()).isEqualTo(2);
        assertThat(Files.readString(config.resolve(ProfileStore.FILE_NAME))).contains("\"writesPerMinute\": 1");

        ConnectionProfile plain = stored.withBudgets(null, null);
        profiles.save(plain, new ApiCredentials("sandbox-key", "sandbox-token"));
        assertThat(Files.readString(config.resolve(ProfileStore.FILE_NAME))).doesNotContain("PerMinute");
        assertThat(profiles.settingsFor(new ProfileStore(config).load().profiles().get(0)).writesPerMinute()).isNull();
    }

    @Test
    void everyClientOpenedForTheProfileCarriesItsBudgets() {
        CliRun first = contacts("--profile", "Slow account", "list");
        CliRun second = contacts("--profile", "Slow account", "list");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(opened).allSatisfy(settings -> assertThat(settings.readsPerMinute()).isEqualTo(2));
    }

    @Test
    void theCommandLineOverridesTheProfileBeforeOrAfterTheSubcommand() {
        CliRun before = contacts("--profile", "Slow account", "--writes-per-minute", "7", "list");
        CliRun after = contacts("list", "--profile", "Slow account", "--reads-per-minute", "0");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(opened.get(0).writesPerMinute()).isEqualTo(7);
        assertThat(opened.get(0).readsPerMinute()).isEqualTo(2);
        assertThat(opened.get(1).writesPerMinute()).isEqualTo(1);
        assertThat(opened.get(1).readsPerMinute()).isZero();
    }

    @Test
    void aBudgetOutOfRangeIsAUsageErrorNamingTheOption() {
        CliRun run = contacts("--profile", "Slow account", "--writes-per-minute", "-1", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--writes-per-minute").contains("between 0 (no pacing) and 100000, got -1");
        assertThat(opened).isEmpty();
    }

    @Test
    void theClientPacesWritesToTheConfiguredBudget() {
        ConnectionSettings settings = sandbox.settings().withBudgets(1, null);
        try (ContactsClient client = ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).clock(clock)
                .sleeper(clock::sleep).build()) {
            client.deleteContact(client.listContacts(ListQuery.firstPage()).items().get(0).sid());
            client.deleteContact(client.listContacts(ListQuery.firstPage()).items().get(0).sid());
        }

        // The second delete waited for the first to leave the one-minute window.
        assertThat(clock.slept()).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(62));
    }
}
