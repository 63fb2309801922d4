package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dialbook contacts --profile NAME ...} against the in-process sandbox. */
class ProfileConnectionTest {
    @TempDir
    Path config;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory().with(options -> options.demoContacts(3).seed(5));
    private ProfileService profiles;

    @BeforeEach
    void start() {
        profiles = new ProfileService(new ProfileStore(config),
                new FallbackSecretStore(new SessionSecretStore(), new SessionSecretStore()), sandbox::settings);
        ConnectionProfile local = new ConnectionProfile("local1", "Local server", null,
                sandbox.server().baseUrl().toString(), "sandbox", "IN", false);
        profiles.save(local, new ApiCredentials("sandbox-key", "sandbox-token"));
    }

    private CliRun run(String... args) {
        // No EXOTEL_* variables at all: the profile alone must be enough.
        ContactsCommand command = new ContactsCommand(new EnvConnection(Map.of()),
                name -> new ProfileConnection(profiles, name),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build());
        CommandLine commandLine = new CommandLine(command);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Test
    void aSavedProfileConnectsBeforeOrAfterTheSubcommand() {
        CliRun before = run("--profile", "local server", "list", "--format", "json");
        CliRun after = run("list", "--format", "json", "--profile", "Local server");

        assertThat(before.exitCode()).as(before.err()).isZero();
        assertThat(before.out()).contains("\"sid\"");
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).isEqualTo(before.out());
    }

    @Test
    void anUnknownProfileNamesTheSavedOnes() {
        CliRun run = run("--profile", "Mumbai", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No connection profile is named 'Mumbai'. Saved profiles: 'Local server'.");
    }

    @Test
    void aProfileWhoseTokenWasNotKeptSaysToEnterItAgain() {
        ProfileService nextSession = new ProfileService(new ProfileStore(config),
                new FallbackSecretStore(new SessionSecretStore(), new SessionSecretStore()), sandbox::settings);

        ConnectionSetupException error = assertThrows(ConnectionSetupException.class,
                () -> new ProfileConnection(nextSession, "Local server").resolve());

        assertThat(error.getMessage()).contains("No API key and token are stored for the profile 'Local server'");
    }

    @Test
    void theSandboxProfileIsOnlyInTheApp() {
        CliRun run = run("--profile", "Sandbox", "list");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("built-in local server");
    }
}
