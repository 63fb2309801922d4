package org.dialbook.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching profiles switches the table: the whole window over two real sandboxes, one as the
 * built-in Sandbox profile and one as a saved profile, switched through the profiles dialog.
 */
class ProfileSwitchFxTest {
    @TempDir
    Path config;

    private final FxRobot robot = new FxRobot();
    private SandboxServer local;
    private SandboxServer other;
    private FxTaskExecutor executor;
    private MainWindow window;

    @BeforeEach
    void start() throws TimeoutException {
        // By hand: two sandboxes at once, one per profile.
        local = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().demoContacts(12).seed(1).build());
        other = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().demoContacts(5).seed(2).build());
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (window != null) {
                window.close();
            }
        });
        FxToolkit.cleanupStages();
        executor.shutdown();
        local.close();
        other.close();
    }

    /** What the composition root does: open the active profile's account. */
    private static ConnectionSource connections(ProfileService profiles) {
        return () -> {
            ConnectionProfile profile = profiles.activeProfile();
            ConnectionSettings settings = profiles.settingsFor(profile);
            ContactsClient client = ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, profile.name(), profile.whereLabel(), profile.sandbox(),
                    profile.defaultCountry(), client::close);
        };
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    @Test
    void usingAnotherProfileReloadsTheTableFromItsAccount() throws TimeoutException {
        ProfileService profiles = new ProfileService(new ProfileStore(config),
                new FallbackSecretStore(new SessionSecretStore(), new SessionSecretStore()), local::connectionSettings);
        profiles.save(new ConnectionProfile("other1", "Other server", null, other.baseUrl().toString(), "sandbox",
                "SG", false), new ApiCredentials("sandbox-key", "sandbox-token"));
        executor = new FxTaskExecutor();
        RecordingDialogService dialogs = new RecordingDialogService();
        DesktopContext context = DesktopContext.of(connections(profiles), config, config.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, dialogs, DesktopLauncher::contactsPane,
                    ConnectionProfilesView.panel(profiles, new ConnectionTester(), executor, dialogs));
            window.show();
        });
        waitUntil(() -> robot.lookup("#status-total").tryQuery().isPresent()
                && text("#status-total").equals("12 contacts"));

        robot.push(KeyCode.CONTROL, KeyCode.COMMA);
        waitUntil(() -> robot.lookup("Other server").tryQuery().isPresent());
        robot.clickOn("Other server");
        waitUntil(() -> !robot.lookup("#apiTokenField").queryAs(TextField.class).getText()
                .isEmpty());
        robot.clickOn("Use this profile");

        waitUntil(() -> text("#status-total").equals("5 contacts"));
        assertThat(profiles.activeProfile().name()).isEqualTo("Other server");
        assertThat(text("#status-profile")).contains("Other server");
        assertThat(robot.lookup("#sandbox-banner").query().isVisible()).isFalse();
    }
}
