package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File → Export… and the Help menu, in the real window against the in-process sandbox. */
class MenusFxTest {
    private static SandboxFixture sandbox;
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private FxTaskExecutor executor;
    private MainWindow window;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws TimeoutException {
        sandbox = SandboxFixture.start();
        sandbox.reset(45);
        FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void open() throws TimeoutException {
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(() -> {
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        }, dir.resolve("config"), dir.resolve("logs")).withDataDir(dir.resolve("data"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, dialogs, DesktopLauncher::contactsPane, null);
            window.show();
        });
        waitUntil(() -> table().getItems().size() == 20);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.close());
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    /** Closes the dialog holding {@code query} (its Close button is one of several in the scene graph). */
    private void closeDialogOf(String query) throws TimeoutException {
        Node node = robot.lookup(query).query();
        robot.interact(() -> node.getScene().getWindow().hide());
        waitUntil(() -> robot.lookup(query).tryQuery().isEmpty());
    }

    private List<String> infos() {
        return dialogs.infos();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }

    @Test
    void exportsTheCurrentSearchThroughTheDialog() throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.F).write("alpha1");
        waitUntil(() -> table().getItems().size() == 10);
        Path out = dir.resolve("alpha1.csv");

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S);
        waitUntil(() -> robot.lookup("#export-file").tryQuery().isPresent());
        RadioButton search = robot.lookup("#export-search").queryAs(RadioButton.class);
        assertThat(search.getText()).isEqualTo("Contacts matching \"alpha1\"");
        robot.clickOn(search);
        robot.interact(() -> robot.lookup("#export-file").queryAs(TextField.class).setText(out.toString()));
        robot.clickOn("Export");

        waitUntil(() -> robot.lookup("#export-file").tryQuery().isEmpty());
        // The dialog closes first, then the confirmation is shown.
        waitUntil(() -> !infos().isEmpty());
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(11);
        assertThat(lines.subList(1, 11)).allSatisfy(line -> assertThat(line).contains(",Alpha1"));
        assertThat(infos()).singleElement().asString().contains("Exported 10 contacts to");
    }

    @Test
    void keyboardShortcutsListTheMenusAccelerators() throws TimeoutException {
        robot.push(KeyCode.CONTROL, KeyCode.SLASH);
        waitUntil(() -> robot.lookup("#shortcuts").tryQuery().isPresent());

        assertThat(robot.lookup("Export to CSV").tryQuery()).isPresent();
        assertThat(robot.lookup("Ctrl+Shift+S").tryQuery()).isPresent();
        assertThat(robot.lookup("Next page").tryQuery()).isPresent();
        closeDialogOf("#shortcuts");
    }

    @Test
    void aboutShowsTheVersionAndTheFolders() throws TimeoutException {
        MenuItem about = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .filter(menu -> menu.getText().equals("_Help")).findFirst().orElseThrow().getItems().stream()
                .filter(item -> "_About Dialbook".equals(item.getText())).findFirst().orElseThrow();
        // Not interact(): the dialog's showAndWait would hold the FX call until it closes.
        Platform.runLater(about::fire);
        waitUntil(() -> robot.lookup("#about-version").tryQuery().isPresent());

        assertThat(robot.lookup("#about-version").queryAs(Label.class).getText()).startsWith("Dialbook ");
        assertThat(robot.lookup("#about-folder-settings").queryAs(TextField.class).getText())
                .isEqualTo(dir.resolve("config").toString());
        assertThat(robot.lookup("#about-folder-data").queryAs(TextField.class).getText())
                .isEqualTo(dir.resolve("data").toString());
        assertThat(robot.lookup("#about-folder-logs").queryAs(TextField.class).getText())
                .isEqualTo(dir.resolve("logs").toString());
        closeDialogOf("#about-version");
    }
}
