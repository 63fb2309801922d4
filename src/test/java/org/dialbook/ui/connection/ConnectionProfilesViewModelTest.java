package org.dialbook.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Region;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.KeychainStatus;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SecretStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.ui.common.CurrentThreadTaskExecutor;
import org.dialbook.ui.connection.ConnectionProfilesViewModel.StatusKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionProfilesViewModelTest {
    private static final String TOKEN = "tok-9f8e7d-SECRET";

    @TempDir
    Path config;

    private final SessionSecretStore keychain = new SessionSecretStore();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    private ProfileService service(SecretStore secrets) {
        return new ProfileService(new ProfileStore(config), secrets,
                () -> ConnectionSettings.forBaseUrl("http://127.0.0.1:1", "sandbox", "sandbox-key", "sandbox-token"));
    }

    private ProfileService service() {
        // A store that always works stands in for the OS keychain; the real one has its own test.
        return service(new FallbackSecretStore(keychain, new SessionSecretStore()));
    }

    private ConnectionProfilesViewModel viewModel(ProfileService service) {
        return new ConnectionProfilesViewModel(service, new ConnectionTester(), new CurrentThreadTaskExecutor(),
                dialogs);
    }

    private static void fill(ProfileForm form, String name) {
        form.nameProperty().set(name);
        form.accountSidProperty().set("acme1");
        form.apiKeyProperty().set("key-123");
        form.apiTokenProperty().set(TOKEN);
    }

    @Test
    void opensOnTheActiveSandboxWhichCannotBeEditedOrDeleted() {
        ConnectionProfilesViewModel vm = viewModel(service());

        assertThat(vm.profiles()).extracting(ConnectionProfile::name).containsExactly("Sandbox");
        assertThat(vm.selectedProperty().get().sandbox()).isTrue();
        assertThat(vm.form().readOnlyProperty().get()).isTrue();
        assertThat(vm.canSave().get()).isFalse();
        assertThat(vm.canDelete().get()).isFalse();
        assertThat(vm.canUse().get()).isTrue();
        assertThat(vm.canTest().get()).isTrue();
    }

    @Test
    void aNewProfileIsInvalidUntilEveryFieldIsFilledAndEachErrorNamesItsField() {
        ConnectionProfilesViewModel vm = viewModel(service());
        vm.newProfile();
        ProfileForm form = vm.form();

        assertThat(form.valid().get()).isFalse();
        assertThat(vm.canSave().get()).isFalse();
        assertThat(form.nameError().get()).isEqualTo("Give the profile a name");
        assertThat(form.accountSidError().get()).contains("account SID");
        assertThat(form.apiTokenError().get()).contains("API token");
        assertThat(form.countryError().get()).isEmpty();

        fill(form, "Campaigns");
        assertThat(form.valid().get()).isTrue();
        assertThat(vm.canSave().get()).isTrue();

        form.countryProperty().set("India");
        assertThat(form.countryError().get()).contains("'India' is not a two-letter ISO country code");
        assertThat(vm.canSave().get()).isFalse();
        form.countryProperty().set("in");
        form.nameProperty().set("sandbox");
        assertThat(form.nameError().get()).isEqualTo("Another profile is already called 'sandbox'");
        form.apiKeyProperty().set("key with spaces");
        assertThat(form.apiKeyError().get()).isEqualTo("The API key cannot contain spaces");
    }

    @Test
    void pastingADashboardUrlPicksTheRegion() {
        ConnectionProfilesViewModel vm = viewModel(service());
        vm.newProfile();
        ProfileForm form = vm.form();
        fill(form, "Mumbai team");

        form.urlProperty().set("https://my.mum1.exotel.com/acme1/apisettings/site#api-credentials");

        assertThat(form.regionProperty().get()).isEqualTo(Region.MUMBAI);
        assertThat(form.regionNote().get()).isEqualTo("Region Mumbai, picked from the URL you pasted.");
        assertThat(form.urlError().get()).isEmpty();
        vm.save();
        assertThat(vm.selectedProperty().get().baseUrl()).isEqualTo("https://api.in.exotel.com");

        form.regionProperty().set(Region.SINGAPORE);
        assertThat(form.urlProperty().get()).isEmpty();
    }

    @Test
    void anyOtherUrlIsACustomServerAndMustBeSafe() {
        ConnectionProfilesViewModel vm = viewModel(service());
        vm.newProfile();
        ProfileForm form = vm.form();
        fill(form, "Proxy");

        form.urlProperty().set("http://proxy.example.com");
        assertThat(form.urlError().get()).contains("Plain http is allowed only");
        assertThat(vm.canSave().get()).isFalse();

        form.urlProperty().set("https://proxy.example.com");
        assertThat(form.urlError().get()).isEmpty();
        assertThat(form.regionNote().get()).isEqualTo("A server of its own: the region is not used.");
    }

    @Test
    void savingStoresTheTokenInTheKeychainNeverInTheConfigFolder() throws IOException {
        ProfileService service = service();
        ConnectionProfilesViewModel vm = viewModel(service);
        vm.newProfile();
        fill(vm.form(), "Campaigns");

        vm.save();

        assertThat(vm.statusProperty().get().kind()).isEqualTo(StatusKind.SUCCESS);
        assertThat(vm.statusProperty().get().message()).isEqualTo("Saved 'Campaigns'.");
        assertThat(vm.profiles()).extracting(ConnectionProfile::name).containsExactly("Sandbox", "Campaigns");
        ConnectionProfile saved = vm.selectedProperty().get();
        assertThat(saved.name()).isEqualTo("Campaigns");
        assertThat(keychain.get(saved.apiTokenEntry())).contains(TOKEN);
        assertThat(vm.keychainMessageProperty().get()).contains("stored in the system keychain");
        try (Stream<Path> files = Files.walk(config)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).doesNotContain(TOKEN);
            }
        }

        // Saving again edits the same profile instead of adding another.
        vm.form().countryProperty().set("SG");
        vm.save();
        assertThat(service.profiles()).hasSize(2);
        assertThat(service.find(saved.id()).orElseThrow().defaultCountry()).isEqualTo("SG");
    }

    @Test
    void withoutAKeychainSavingWarnsThatTheTokenLastsThisSessionOnly() {
        ConnectionProfilesViewModel vm = viewModel(service(new FallbackSecretStore(new SecretStoreThatFails(),
                new SessionSecretStore())));
        vm.newProfile();
        fill(vm.form(), "Campaigns");

        vm.save();

        assertThat(vm.statusProperty().get().kind()).isEqualTo(StatusKind.WARNING);
        assertThat(vm.statusProperty().get().message())
                .startsWith("Saved 'Campaigns'. No keychain available — your token is kept for this session only");
        assertThat(vm.keychainMessageProperty().get()).startsWith("No keychain available");
    }

    @Test
    void opensSayingWhetherTheKeychainWorksBeforeATokenIsTyped() {
        ConnectionProfilesViewModel vm = viewModel(service(new FallbackSecretStore(new SecretStoreThatFails(),
                new SessionSecretStore())));

        assertThat(vm.keychainMissingProperty().get()).isTrue();
        assertThat(vm.keychainMessageProperty().get())
                .startsWith("No keychain available — your token is kept for this session only");
        assertThat(viewModel(service()).keychainMessageProperty().get())
                .isEqualTo("Your API key and token are stored in the system keychain.");
    }

    @Test
    void selectingASavedProfileReadsItsSecretsBack() {
        ProfileService service = service();
        ConnectionProfile saved = ConnectionProfile.create("Campaigns", Region.MUMBAI, "acme1", "IN");
        service.save(saved, new ApiCredentials("key-123", TOKEN));
        ConnectionProfilesViewModel vm = viewModel(service);

        vm.selectedProperty().set(vm.profiles().get(1));

        assertThat(vm.form().nameProperty().get()).isEqualTo("Campaigns");
        assertThat(vm.form().regionProperty().get()).isEqualTo(Region.MUMBAI);
        assertThat(vm.form().apiTokenProperty().get()).isEqualTo(TOKEN);
        assertThat(vm.form().readOnlyProperty().get()).isFalse();
        assertThat(vm.canDelete().get()).isTrue();
    }

    @Test
    void secretsArrivingFromTheKeychainNeverOverwriteWhatTheUserTyped() {
        ProfileForm form = new ProfileForm((name, id) -> false);
        form.apiTokenProperty().set("typed-by-user");

        form.fillSecrets(new ApiCredentials("key-from-keychain", "token-from-keychain"));

        assertThat(form.apiTokenProperty().get()).isEqualTo("typed-by-user");
        assertThat(form.apiKeyProperty().get()).isEqualTo("key-from-keychain");
    }

    @Test
    void deleteAsksFirstAndTheActiveProfileFallsBackToTheSandbox() {
        ProfileService service = service();
        ConnectionProfile saved = ConnectionProfile.create("Campaigns", Region.MUMBAI, "acme1", "IN");
        service.save(saved, new ApiCredentials("key-123", TOKEN));
        service.activate(saved.id());
        ConnectionProfilesViewModel vm = viewModel(service);
        assertThat(vm.selectedProperty().get()).isEqualTo(saved);

        dialogs.answer = false;
        vm.delete();
        assertThat(service.profiles()).hasSize(2);

        dialogs.answer = true;
        vm.delete();
        assertThat(dialogs.shown).last().asString()
                .contains("Delete the profile 'Campaigns'", "[Delete 'Campaigns']");
        assertThat(vm.profiles()).extracting(ConnectionProfile::name).containsExactly("Sandbox");
        assertThat(vm.activeProperty().get().sandbox()).isTrue();
        assertThat(vm.activeChanged()).isTrue();
        assertThat(keychain.get(saved.apiTokenEntry())).isEmpty();
    }

    @Test
    void testingAnUnreachableServerSaysThereIsNoConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ConnectionProfilesViewModel vm = viewModel(service());
        vm.newProfile();
        fill(vm.form(), "Local");
        vm.form().urlProperty().set("http://127.0.0.1:" + closedPort);

        vm.testConnection();

        assertThat(vm.statusProperty().get().kind()).isEqualTo(StatusKind.ERROR);
        assertThat(vm.statusProperty().get().message()).startsWith("No connection to 127.0.0.1: Could not reach")
                .contains("Check the network connection").doesNotContain(TOKEN);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void useSavesActivatesAndAsksToClose() {
        ProfileService service = service();
        ConnectionProfilesViewModel vm = viewModel(service);
        vm.newProfile();
        fill(vm.form(), "Campaigns");

        vm.useSelected();

        assertThat(service.activeProfile().name()).isEqualTo("Campaigns");
        assertThat(vm.activeProperty().get().name()).isEqualTo("Campaigns");
        assertThat(vm.activeChanged()).isTrue();
        assertThat(vm.closeRequestedProperty().get()).isTrue();
    }

    /** A keychain that refuses everything, as a locked one does. */
    private static final class SecretStoreThatFails implements SecretStore {
        @Override
        public Optional<String> get(String entry) {
            throw new NullPointerException();
        }

        @Override
        public void put(String entry, String secret) {
            throw new NullPointerException();
        }

        @Override
        public void delete(String entry) {
            throw new NullPointerException();
        }

        @Override
        public KeychainStatus status() {
            return KeychainStatus.UNKNOWN;
        }
    }

    @Test
    void requestBudgetsAreCheckedAndSavedWithTheProfile() {
        ConnectionProfilesViewModel vm = viewModel(service());
        vm.newProfile();
        fill(vm.form(), "Paced");
        vm.form().writesPerMinuteProperty().set("ten");

        assertThat(vm.form().budgetError().get()).isEqualTo(
                "Writes a minute must be a whole number, or empty for Exotel's published limit");
        assertThat(vm.canSave().get()).isFalse();

        vm.form().writesPerMinuteProperty().set("20");
        vm.form().readsPerMinuteProperty().set("200000");
        assertThat(vm.form().budgetError().get()).startsWith("Reads a minute must be empty");

        vm.form().readsPerMinuteProperty().set("");
        assertThat(vm.form().budgetError().get()).isEmpty();
        vm.save();

        ConnectionProfile saved = new ProfileStore(config).load().profiles().get(0);
        assertThat(saved.writesPerMinute()).isEqualTo(20);
        assertThat(saved.readsPerMinute()).isNull();
    }
}
