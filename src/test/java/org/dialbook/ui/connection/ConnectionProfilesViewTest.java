package org.dialbook.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.FallbackSecretStore;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.testing.InProcessSandbox;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The profiles dialog, driven by mouse and keyboard, testing connections to the in-process sandbox. */
@ExtendWith(ApplicationExtension.class)
class ConnectionProfilesViewTest {
    @RegisterExtension
    static final InProcessSandbox fixture = InProcessSandbox.inMemory().with(options -> options.demoContacts(12).seed(9));
    private static SandboxServer sandbox;

    @TempDir
    static Path config;

    private final FxTaskExecutor executor = new FxTaskExecutor(2);
    private final SessionSecretStore keychain = new SessionSecretStore();
    private ProfileService service;
    private ConnectionProfilesView view;

    @BeforeAll
    static void startSandbox() {
        sandbox = fixture.server();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        service = new ProfileService(new ProfileStore(config.resolve("c" + System.nanoTime())),
                new FallbackSecretStore(keychain, new SessionSecretStore()), sandbox::connectionSettings);
        view = new ConnectionProfilesView(new ConnectionProfilesViewModel(service, new ConnectionTester(), executor,
                new RecordingDialogService()));
        // An owner the size of a main window, so the dialog centred on it is fully on screen.
        stage.setScene(new Scene(new StackPane(), 1000, 760));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        view.dialog().initOwner(stage);
        view.dialog().show();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    private void addProfile(FxRobot robot, String token) {
        robot.clickOn("#addButton");
        robot.clickOn("#nameField").write("Local");
        // The rest is set as a paste would, at once: typing every character is slow on a loaded machine.
        robot.interact(() -> {
            text(robot, "#urlField").setText(sandbox.baseUrl().toString());
            text(robot, "#accountSidField").setText("sandbox");
            text(robot, "#apiKeyField").setText("sandbox-key");
            text(robot, "#apiTokenField").setText(token);
        });
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private static String awaitStatus(FxRobot robot, String prefix) throws TimeoutException {
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> status.getText().startsWith(prefix));
        return status.getText();
    }

    @Test
    void testConnectionSucceedsWithTheSandboxCredentials(FxRobot robot) throws TimeoutException {
        Node use = view.dialog().getDialogPane().lookupButton(ConnectionProfilesView.USE);
        robot.clickOn("#addButton");
        assertThat(use.isDisabled()).as("Use is disabled while the form is empty").isTrue();

        addProfile(robot, "sandbox-token");
        assertThat(use.isDisabled()).as(() -> "Use enabled once the form is complete, but: "
                + robot.lookup("#formError").queryAs(Label.class).getText() + " / dialog at "
                + view.dialog().getX() + "," + view.dialog().getY()).isFalse();
        robot.clickOn("#testButton");

        assertThat(awaitStatus(robot, "Connected")).isEqualTo("Connected to 127.0.0.1: the account has 12 contacts.");
    }

    @Test
    void testConnectionWithAWrongTokenSays401(FxRobot robot) throws TimeoutException {
        addProfile(robot, "not-the-token");
        robot.clickOn("#testButton");

        assertThat(awaitStatus(robot, "Wrong")).startsWith("Wrong API key, API token or region (401)")
                .doesNotContain("not-the-token");
    }

    @Test
    void useThisProfileSavesItActivatesItAndCloses(FxRobot robot) throws TimeoutException {
        addProfile(robot, "sandbox-token");
        robot.clickOn("Use this profile");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !view.dialog().isShowing());
        ConnectionProfile active = service.activeProfile();
        assertThat(active.name()).isEqualTo("Local");
        assertThat(keychain.get(active.apiTokenEntry())).contains("sandbox-token");
        assertThat(service.activeSettings().contactsUrl()).isEqualTo(sandbox.connectionSettings().contactsUrl());
    }
}
