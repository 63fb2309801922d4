package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.RetryPolicy;
import org.dialbook.credentials.ProfileService;
import org.dialbook.credentials.ProfileStore;
import org.dialbook.credentials.SessionSecretStore;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.RowStatus;
import org.dialbook.ui.contacts.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window against a real in-process sandbox (no mocks): what a user sees and does.
 * One sandbox for the class; each test starts from the same 45 contacts.
 */
class MainWindowFxTest {
    private static SandboxFixture sandbox;
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskExecutor executor;
    private MainWindow window;
    private UnaryOperator<DesktopContext> contextChanges = UnaryOperator.identity();

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
    void closeWindow() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (window != null) {
                window.close();
            }
        });
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    private void open(ConnectionSource source) throws TimeoutException {
        executor = new FxTaskExecutor();
        DesktopContext context = contextChanges.apply(DesktopContext.of(source, config, config.resolve("logs")));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, dialogs, DesktopLauncher::contactsPane, null);
            window.show();
        });
    }

    private void openSandbox() throws TimeoutException {
        open(() -> {
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        });
        // Rows in the model are not yet cells on screen: wait for the loader to settle and the first row to render.
        waitUntil(() -> table().getItems().size() == 20 && !loaderBusy());
        cell(firstName(0));
    }

    private boolean loaderBusy() {
        return robot.lookup("#loadingIndicator").query().isVisible();
    }

    /** The visible cell showing this text, once the table has rendered it. */
    private Node cell(String text) throws TimeoutException {
        waitUntil(() -> robot.lookup(text).match(Node::isVisible).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(text).match(Node::isVisible).query();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactRow> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Waits for a condition on the server, asked from the test thread so the FX thread never waits on I/O. */
    private static void waitForServer(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    private String firstName(int row) {
        return table().getItems().get(row).contact().firstName();
    }

    @Test
    void aSlowConnectionIsAnnouncedAfterAMomentAndAFastOneNeverFlashesASpinner() throws Exception {
        sandbox.reset(45);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        open(() -> {
            // Opening takes as long as the test says.
            release.await(30, TimeUnit.SECONDS);
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".progress-indicator").tryQuery()).as("no spinner in the first moment").isEmpty();
        assertThat(robot.lookup("Opening your contacts…").tryQuery()).isEmpty();

        waitUntil(() -> robot.lookup("Opening your contacts…").tryQuery().isPresent());
        assertThat(robot.lookup(".progress-indicator").tryQuery()).isPresent();

        release.countDown();
        waitUntil(() -> robot.lookup(".table-view").tryQuery()
                .map(view -> ((TableView<?>) view).getItems().size() == 20).orElse(false));
        assertThat(robot.lookup("Opening your contacts…").tryQuery()).isEmpty();
    }

    @Test
    void firstRunShowsTheSandboxAndItsContacts() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        Node banner = robot.lookup("#sandbox-banner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(robot.lookup("Sandbox — not connected to Exotel").tryQuery()).isPresent();
        waitUntil(() -> text("#status-total").equals("45 contacts"));
        assertThat(firstName(0)).isEqualTo("Alpha00");
    }

    @Test
    void pagesWithButtonsAndJumpsToAPage() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();
        waitUntil(() -> robot.lookup("of 3").tryQuery().isPresent());

        robot.clickOn(robot.lookup(".paging-bar .button").nth(2).queryAs(Button.class));
        waitUntil(() -> "Alpha20".equals(firstName(0)));

        robot.doubleClickOn(robot.lookup(".paging-bar .text-field").queryAs(TextField.class)).write("3")
                .type(KeyCode.ENTER);
        waitUntil(() -> table().getItems().size() == 5 && "Alpha40".equals(firstName(0)));
    }

    @Test
    void searchesByName() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.push(KeyCode.CONTROL, KeyCode.F).write("alpha1");

        waitUntil(() -> text("#status-total").equals("10 contacts") && table().getItems().size() == 10
                && table().getItems().stream().allMatch(row -> row.contact().firstName().startsWith("Alpha1")));
    }

    @Test
    void sortsByCreatedWhenTheHeaderIsClicked() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.clickOn("Created");
        robot.clickOn("Created");

        waitUntil(() -> "Alpha44".equals(firstName(0)));
    }

    @Test
    void inlineEditPersistsOnTheServer() throws TimeoutException {
        List<Contact> seeded = sandbox.reset(45);
        openSandbox();

        robot.clickOn(cell("Alpha02")).type(KeyCode.F2).write("Zara").type(KeyCode.ENTER);

        waitUntil(() -> table().getItems().get(2).status() == RowStatus.SAVED);
        assertThat(sandbox.client.getContact(seeded.get(2).sid()).firstName()).isEqualTo("Zara");
    }

    @Test
    void failedInlineEditRestoresTheOldValue() throws TimeoutException {
        List<Contact> seeded = sandbox.reset(45);
        openSandbox();
        sandbox.client.deleteContact(seeded.get(1).sid());

        robot.clickOn(cell("Alpha01")).type(KeyCode.F2).write("Ghost").type(KeyCode.ENTER);

        waitUntil(() -> table().getItems().get(1).status() == RowStatus.FAILED);
        assertThat(firstName(1)).isEqualTo("Alpha01");
        assertThat(robot.lookup("Alpha01").tryQuery()).isPresent();
        assertThat(dialogs.errors()).singleElement().asString().contains("no longer exists");
    }

    @Test
    void addsAContactThroughTheDialog() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitUntil(() -> robot.lookup("#contact-number").tryQuery().isPresent());
        robot.clickOn("#contact-number").write("98450 11111");
        robot.clickOn("#contact-firstName").write("Newton");
        WaitForAsyncUtils.waitForFxEvents();
        Button add = robot.lookup("Add contact").queryAs(Button.class);
        assertThat(add.isDisabled()).as(robot.lookup("#problems").queryAs(Label.class).getText()).isFalse();
        robot.clickOn(add);

        waitForServer(() -> sandbox.client.streamContacts(ListQuery.firstPage().withName("Newton")).count() == 1);
        Contact created = sandbox.client.streamContacts(ListQuery.firstPage().withName("Newton")).findFirst()
                .orElseThrow();
        assertThat(created.number()).isEqualTo("+919845011111");
        waitUntil(() -> text("#status-total").equals("46 contacts"));
    }

    @Test
    void bulkEditsEveryMatchingContactAcrossPages() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.clickOn(cell("Alpha00")).push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        waitUntil(() -> robot.lookup("Select only this page").tryQuery().isPresent());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
        waitUntil(() -> robot.lookup("#tag-value").tryQuery().isPresent());
        robot.clickOn("#tag-value").write("wave3");
        robot.clickOn("Apply to 45 contacts");

        waitForServer(() -> sandbox.client.streamContacts(ListQuery.firstPage()).allMatch(c -> "wave3".equals(c.tag())));
        assertThat(dialogs.questions()).singleElement().asString().contains("45 contacts");
    }

    @Test
    void deletesSelectedContactsAfterConfirming() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.clickOn(cell("Alpha03")).type(KeyCode.DELETE);

        waitUntil(() -> text("#status-total").equals("44 contacts"));
        assertThat(dialogs.questions()).singleElement().asString().contains("Delete 1 contact");
        assertThat(sandbox.client.streamContacts(ListQuery.firstPage().withName("Alpha03")).count()).isZero();
    }

    @Test
    void staysResponsiveAndExplainsWhenTheServerFails() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();
        sandbox.server.faults().serverErrorFraction(1.0);
        try {
            robot.type(KeyCode.F5);
            waitUntil(() -> !text("#load-error").isEmpty());
            assertThat(text("#load-error")).contains("server had a problem");
            assertThat(robot.lookup(".error-pane").query().isVisible()).isTrue();
            robot.push(KeyCode.CONTROL, KeyCode.F).write("still typing");
            assertThat(robot.lookup(".contacts-toolbar .text-field").queryAs(TextField.class).getText())
                    .isEqualTo("still typing");
        } finally {
            sandbox.server.faults().reset();
        }
    }

    @Test
    void aStoppedServerGivesAClearMessageNotABlankWindow() throws TimeoutException {
        open(() -> {
            ContactsClient client = ContactsClient.builder(org.dialbook.api.ConnectionSettings.forBaseUrl(
                    "http://127.0.0.1:9", "sandbox", "sandbox-key", "sandbox-token"))
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        });

        waitUntil(() -> !text("#load-error").isEmpty());
        assertThat(text("#load-error")).contains("Could not reach the server");
        assertThat(robot.lookup(".error-pane").query().isVisible()).isTrue();
    }

    @Test
    void pagesFromTheKeyboardAndRemembersColumnWidths() throws TimeoutException {
        sandbox.reset(45);
        openSandbox();

        robot.clickOn(cell("Alpha00")).push(KeyCode.CONTROL, KeyCode.END);
        waitUntil(() -> table().getItems().size() == 5);
        robot.push(KeyCode.CONTROL, KeyCode.HOME);
        waitUntil(() -> "Alpha00".equals(firstName(0)));

        robot.interact(() -> table().getColumns().stream().filter(column -> "email".equals(column.getId()))
                .findFirst().orElseThrow().setPrefWidth(321));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> window.close());

        assertThat(DesktopPreferences.load(config).columnWidth("email")).hasValue(321);
        assertThat(DesktopPreferences.load(config).geometry()).isPresent();
    }

    @Test
    void aConnectionThatCannotOpenOffersRetry() throws TimeoutException {
        open(() -> {
            throw new IllegalStateException("No API key and token are stored for the profile 'Acme'");
        });

        waitUntil(() -> robot.lookup("Could not open your contacts").tryQuery().isPresent());
        assertThat(robot.lookup("#placeholder-detail").queryAs(Label.class).getText()).contains("Acme");
        assertThat(robot.lookup("Retry").tryQuery()).isPresent();
        Stage stage = (Stage) robot.lookup("Retry").query().getScene().getWindow();
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void aCorruptProfilesFileIsReportedOnceAtStartUp() throws TimeoutException, IOException {
        sandbox.reset(45);
        Path profilesDir = Files.createDirectories(config.resolve("profiles"));
        Files.writeString(profilesDir.resolve(ProfileStore.FILE_NAME), "{\"version\": 1, \"profiles\": [ {");
        ProfileService profiles = new ProfileService(new ProfileStore(profilesDir), new SessionSecretStore(),
                sandbox.server::connectionSettings);
        contextChanges = context -> context.withProfiles(profiles);

        openSandbox();

        waitUntil(() -> !dialogs.errors().isEmpty());
        assertThat(dialogs.errors()).singleElement().asString()
                .contains("Saved connection profiles were not loaded")
                .contains("could not be read")
                .contains("no saved profiles");
    }

    @Test
    void readableProfilesRaiseNoStartUpMessage() throws TimeoutException {
        sandbox.reset(45);
        ProfileService profiles = new ProfileService(new ProfileStore(config.resolve("fresh")),
                new SessionSecretStore(), sandbox.server::connectionSettings);
        contextChanges = context -> context.withProfiles(profiles);

        openSandbox();
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(profiles.loadProblem()).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }
}
