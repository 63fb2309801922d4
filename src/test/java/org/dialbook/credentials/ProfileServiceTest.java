package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.javakeyring.BackendNotSupportedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ProfileServiceTest {
    private static final String TOKEN = "tok-Zq81-VERY-SECRET";
    private static final String KEY = "key-Hh27-ALSO-SECRET";
    private static final ConnectionSettings SANDBOX =
            ConnectionSettings.forBaseUrl("http://127.0.0.1:4567", "sandbox", "sandbox-key", "sandbox-token");

    @TempDir
    Path config;

    private final FakeKeyringBackend keychain = new FakeKeyringBackend();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger dialbookLogger = (Logger) LoggerFactory.getLogger("org.dialbook");

    @BeforeEach
    void captureLogs() {
        logs.start();
        dialbookLogger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        dialbookLogger.detachAppender(logs);
    }

    private ProfileService service(SecretStore secrets) {
        return new ProfileService(new ProfileStore(config), secrets, () -> SANDBOX);
    }

    private FallbackSecretStore workingKeychain() {
        return new FallbackSecretStore(new KeyringSecretStore("Test", () -> keychain), new SessionSecretStore());
    }

    @Test
    void startsWithTheSandboxActive() {
        ProfileService service = service(workingKeychain());

        assertThat(service.profiles()).extracting(ConnectionProfile::name).containsExactly("Sandbox");
        assertThat(service.activeProfile().sandbox()).isTrue();
        assertThat(service.activeSettings()).isEqualTo(SANDBOX);
        assertThat(service.loadProblem()).isEmpty();
    }

    @Test
    void savedProfileGivesConnectionSettingsAfterARestart() {
        FallbackSecretStore secrets = workingKeychain();
        ConnectionProfile mumbai = ConnectionProfile.create("Mumbai", Region.MUMBAI, "acme1", "IN");
        service(secrets).save(mumbai, new ApiCredentials(KEY, TOKEN));
        service(secrets).activate(mumbai.id());

        ProfileService restarted = service(secrets);

        assertThat(restarted.activeProfile()).isEqualTo(mumbai);
        assertThat(restarted.activeSettings())
                .isEqualTo(ConnectionSettings.forRegion(Region.MUMBAI, "acme1", KEY, TOKEN));
        assertThat(restarted.findByName(" mumbai ")).contains(mumbai);
    }

    @Test
    void secretsNeverReachTheConfigFolderOrTheLog() throws IOException {
        ProfileService service = service(workingKeychain());
        ConnectionProfile profile = ConnectionProfile.create("Main", Region.SINGAPORE, "acme", "IN");
        service.save(profile, new ApiCredentials(KEY, TOKEN));
        service.activate(profile.id());
        service.save(profile.withName("Renamed"), new ApiCredentials(KEY, TOKEN));

        assertThat(keychain.entries).containsValues(KEY, TOKEN);
        assertNoSecretIn(config);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(KEY));
    }

    @Test
    void withoutAKeychainTheTokenIsKeptForThisSessionOnlyAndSaidSo() throws IOException {
        SecretStore secrets = new FallbackSecretStore(new KeyringSecretStore("Test", () -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }), new SessionSecretStore());
        ProfileService service = service(secrets);
        ConnectionProfile profile = ConnectionProfile.create("Main", Region.SINGAPORE, "acme", "IN");

        KeychainStatus status = service.save(profile, new ApiCredentials(KEY, TOKEN));

        assertThat(status.userMessage()).startsWith("No keychain available — your token is kept for this session only");
        assertThat(service.settingsFor(profile).apiToken()).isEqualTo(TOKEN);
        assertNoSecretIn(config);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("kept in memory for this session only"))
                .allSatisfy(line -> assertThat(line).doesNotContain(TOKEN).doesNotContain(KEY));

        ProfileService nextSession = service(new FallbackSecretStore(new KeyringSecretStore("Test", () -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }), new SessionSecretStore()));
        assertThatThrownBy(() -> nextSession.settingsFor(profile))
                .isInstanceOf(MissingCredentialsException.class)
                .hasMessageContaining("No API key and token are stored for the profile 'Main'")
                .hasMessageContaining("enter them again");
    }

    @Test
    void activatingTellsListenersAndDeletingTheActiveProfileReturnsToTheSandbox() {
        ProfileService service = service(workingKeychain());
        List<String> seen = new ArrayList<>();
        service.addActiveProfileListener(profile -> seen.add(profile.name()));
        ConnectionProfile profile = ConnectionProfile.create("Main", Region.SINGAPORE, "acme", "IN");
        service.save(profile, new ApiCredentials(KEY, TOKEN));

        service.activate(profile.id());
        service.activate(profile.id());
        service.delete(profile.id());

        assertThat(seen).containsExactly("Main", "Sandbox");
        assertThat(service.activeProfile().sandbox()).isTrue();
        assertThat(keychain.entries).isEmpty();
        assertThat(service(workingKeychain()).profiles()).hasSize(1);
    }

    @Test
    void editingTheActiveProfileTellsListenersSoTheTableReloads() {
        ProfileService service = service(workingKeychain());
        ConnectionProfile profile = ConnectionProfile.create("Main", Region.SINGAPORE, "acme", "IN");
        service.save(profile, new ApiCredentials(KEY, TOKEN));
        service.activate(profile.id());
        List<ConnectionProfile> seen = new ArrayList<>();
        service.addActiveProfileListener(seen::add);

        ConnectionProfile moved = new ConnectionProfile(profile.id(), "Main", Region.MUMBAI, null, "acme", "IN", false);
        service.save(moved, null);

        assertThat(seen).containsExactly(moved);
        assertThat(service.activeSettings().host()).isEqualTo("api.in.exotel.com");
    }

    @Test
    void namesAreUniqueAndTheSandboxIsFixed() {
        ProfileService service = service(workingKeychain());
        service.save(ConnectionProfile.create("Main", Region.SINGAPORE, "acme", "IN"), new ApiCredentials(KEY, TOKEN));

        assertThatThrownBy(() -> service.save(ConnectionProfile.create("MAIN", Region.MUMBAI, "acme", "IN"), null))
                .hasMessage("A profile named 'Main' already exists");
        assertThatThrownBy(() -> service.save(ConnectionProfile.builtInSandbox(), null))
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> service.delete(ConnectionProfile.SANDBOX_ID))
                .hasMessageContaining("cannot be deleted");
    }

    @Test
    void aCorruptProfilesFileIsReportedNotFatal() throws IOException {
        Files.writeString(config.resolve(ProfileStore.FILE_NAME), "not json at all {");

        ProfileService service = service(workingKeychain());

        assertThat(service.loadProblem()).get().asString().contains("profiles.json.bak");
        assertThat(service.activeProfile().sandbox()).isTrue();
    }

    private static void assertNoSecretIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> regular = files.filter(Files::isRegularFile).toList();
            assertThat(regular).isNotEmpty();
            for (Path file : regular) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertThat(content).as(file.toString()).doesNotContain(TOKEN).doesNotContain(KEY);
            }
        }
    }
}
