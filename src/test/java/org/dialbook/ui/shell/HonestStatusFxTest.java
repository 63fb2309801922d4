package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** After a 401 the window says what is true: nothing loaded, nothing synced, nothing to add to (issue 13, item 4). */
class HonestStatusFxTest {
    private static SandboxFixture sandbox;
    private final FxRobot robot = new FxRobot();
    private final AtomicBoolean wrongToken = new AtomicBoolean();
    private FxTaskExecutor executor;
    private MainWindow window;

    @TempDir
    Path config;

    @BeforeAll
    static void startSandbox() throws TimeoutException {
        sandbox = SandboxFixture.start();
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.close());
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    private void open() throws TimeoutException {
        sandbox.reset(3);
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(() -> {
            ConnectionSettings good = sandbox.server.connectionSettings();
            ConnectionSettings settings = wrongToken.get()
                    ? ConnectionSettings.forBaseUrl(good.baseUrl().toString(), good.accountSid(), good.apiKey(), "wrong")
                    : good;
            ContactsClient client = ContactsClient.builder(settings).retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, wrongToken.get() ? "Acme" : "Sandbox", "Local sandbox", false, "IN",
                    client::close);
        }, config, config.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, new RecordingDialogService(),
                    DesktopLauncher::contactsPane, null);
            window.show();
        });
    }

    @Test
    void a401SaysNotLoadedNotLoadingAndOffersNoNew() throws TimeoutException {
        wrongToken.set(true);
        open();

        waitUntil(() -> robot.lookup("#errorPane").query().isVisible());
        assertThat(text("#status-total")).isEqualTo("Contacts not loaded");
        assertThat(text("#status-sync")).isEqualTo("Not synced yet");
        assertStatusAfterFailure();
    }

    @Test
    void switchingToAnAccountThatRefusesDropsTheOldSyncTime() throws TimeoutException {
        open();
        waitUntil(() -> text("#status-sync").startsWith("Synced ") && table().getItems().size() == 3);
        assertThat(newMenuItem().isDisable()).isFalse();

        wrongToken.set(true);
        FxToolkit.setupFixture(() -> window.viewModel().connect());

        waitUntil(() -> robot.lookup("#errorPane").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text("#status-sync")).isEqualTo("Not synced yet");
        assertThat(text("#status-total")).isEqualTo("Contacts not loaded");
        assertStatusAfterFailure();
    }

    private void assertStatusAfterFailure() throws TimeoutException {
        waitUntil(() -> !robot.lookup("#loadingIndicator").query().isVisible());
        assertThat(robot.lookup("#newButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(newMenuItem().isDisable()).isTrue();
        Node placeholder = table().getPlaceholder();
        assertThat(placeholder.isVisible()).as("'No contacts match' is not drawn behind the error card").isFalse();
    }

    private MenuItem newMenuItem() {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().get(0);
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

}
