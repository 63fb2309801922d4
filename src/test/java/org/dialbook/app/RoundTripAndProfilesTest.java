package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.NewContact;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.importer.ImportDestination;
import org.dialbook.importer.ImportRunner;
import org.dialbook.testing.InProcessSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code export} then {@code import} into the same account creates nothing, landlines included in
 * either spelling; both commands connect with {@code --profile} alone (a profile store in a temporary
 * config folder, no EXOTEL_* variables), and the import records the destination the app computes.
 */
class RoundTripAndProfilesTest {
    private static final String PROFILE = "Local server";

    @TempDir
    Path dir;

    @RegisterExtension
    final InProcessSandbox sandbox = InProcessSandbox.inMemory();
    private ProfileService profiles;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        profiles = new ProfileService(new ProfileStore(dir.resolve("config")),
                new FallbackSecretStore(new SessionSecretStore(), new SessionSecretStore()), sandbox::settings);
        profiles.save(new ConnectionProfile("local1", PROFILE, null, sandbox.server().baseUrl().toString(), "sandbox", "IN",
                false), new ApiCredentials("sandbox-key", "sandbox-token"));
    }

    /** No EXOTEL_* variables: the profile alone must be enough. */
    private CliConnection profileOnly() {
        return new CliConnection(new EnvConnection(java.util.Map.of()), name -> new ProfileConnection(profiles, name),
                settings -> ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build());
    }

    private int run(Object command, String... args) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int accountSize() {
        return sandbox.contactCount();
    }

    @Test
    void anExportImportedBackIntoItsAccountCreatesNothingLandlinesIncluded() throws Exception {
        List<NewContact> contacts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            contacts.add(NewContact.builder("+9191012345" + (10 + i)).firstName("Mobile " + i).build());
        }
        // Landlines as the vendor page writes them, with the STD prefix: the account keeps that spelling.
        for (int i = 0; i < 10; i++) {
            contacts.add(NewContact.builder("0802234567" + i).firstName("Landline " + i).build());
        }
        assertThat(sandbox.client().createContacts(contacts).allSucceeded()).isTrue();
        Path file = dir.resolve("export.csv");

        assertThat(run(new ExportCommand(profileOnly()), file.toString(), "--profile", PROFILE)).as(err.toString())
                .isZero();
        assertThat(run(new ImportCommand(profileOnly(), () -> dir.resolve("imports")), file.toString(),
                "--profile", PROFILE)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("40 rows: 0 created, 0 updated, 40 skipped");
        assertThat(accountSize()).isEqualTo(40);
    }

    @Test
    void landlinesMatchInEitherSpelling() throws Exception {
        assertThat(sandbox.client().createContacts(List.of(NewContact.builder("08022345670").firstName("Stored STD").build(),
                NewContact.builder("+918022345671").firstName("Stored E164").build())).allSucceeded()).isTrue();
        Path file = Files.writeString(dir.resolve("landlines.csv"),
                "number,first_name\n+918022345670,Typed E164\n08022345671,Typed STD\n080 2234 5671,Again\n",
                StandardCharsets.UTF_8);

        int code = run(new ImportCommand(profileOnly(), () -> dir.resolve("imports")), file.toString(),
                "--profile", PROFILE);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("3 rows: 0 created, 0 updated, 3 skipped");
        assertThat(accountSize()).isEqualTo(2);
    }

    @Test
    void theCliRecordsTheDestinationTheAppLooksFor() throws Exception {
        Path file = Files.writeString(dir.resolve("one.csv"), "number\n+919101234510\n", StandardCharsets.UTF_8);

        assertThat(run(new ImportCommand(profileOnly(), () -> dir.resolve("imports")), file.toString(),
                "--profile", PROFILE)).as(err.toString()).isZero();

        // The desktop app spells the destination from the same profile's settings (DesktopServices.open).
        String app = ImportDestination.of(profiles.settingsFor(profiles.profiles().stream()
                .filter(profile -> profile.name().equals(PROFILE)).findFirst().orElseThrow()));
        ImportRunner asTheApp = new ImportRunner(sandbox.client(), dir.resolve("imports"), app);
        assertThat(asTheApp.imports()).singleElement().satisfies(manifest -> assertThat(manifest.sendsTo(app))
                .isTrue());
        assertThat(asTheApp.imports().get(0).destination()).isEqualTo(app);
    }

    @Test
    void anUnknownProfileIsAUsageErrorForImportAndExport() {
        assertThat(run(new ExportCommand(profileOnly()), dir.resolve("x.csv").toString(), "--profile", "Mumbai"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("No connection profile is named 'Mumbai'");
        assertThat(Files.exists(dir.resolve("x.csv"))).isFalse();
    }
}
