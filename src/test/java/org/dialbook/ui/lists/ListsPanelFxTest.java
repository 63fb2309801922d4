package org.dialbook.ui.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The whole window against the sandbox: create a list, add the selection, filter by it, see the count. */
class ListsPanelFxTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SandboxFixture sandbox;
    private FxTaskExecutor executor;
    private MainWindow window;

    @TempDir
    Path config;

    @BeforeEach
    void open() throws TimeoutException {
        sandbox = SandboxFixture.start();
        sandbox.reset(30);
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(() -> {
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        }, config, config.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, dialogs, DesktopLauncher::contactsPane, null);
            window.show();
        });
        waitUntil(() -> table().getItems().size() == 20);
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            if (window != null) {
                window.close();
            }
        });
        FxToolkit.cleanupStages();
        executor.shutdown();
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactRow> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<ListsPanelViewModel.Entry> lists() {
        return robot.lookup("#listsView").queryAs(ListView.class);
    }

    @Test
    void createAListAddTheSelectionFilterByItAndSeeTheCount() throws TimeoutException {
        assertThat(robot.lookup("#listFilterField").query().isVisible()).as("no raw sid field").isFalse();
        assertThat(table().getColumns()).extracting(column -> column.getText()).contains("Lists");

        robot.clickOn("#newListButton");
        waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        robot.clickOn(".dialog-pane .text-field").write("Diwali callers");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> "OK".equals(
                ((javafx.scene.control.Button) node).getText())).queryButton());
        waitUntil(() -> lists().getItems().stream().anyMatch(e -> "Diwali callers (0)".equals(e.label())));

        robot.interact(() -> {
            table().getSelectionModel().selectRange(0, 3);
        });
        robot.clickOn("#addSelectionButton");
        waitUntil(() -> robot.lookup(".dialog-pane .combo-box").tryQuery().isPresent()
                || robot.lookup(".dialog-pane .choice-box").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> "OK".equals(
                ((javafx.scene.control.Button) node).getText())).queryButton());
        waitUntil(() -> lists().getItems().stream().anyMatch(e -> "Diwali callers (3)".equals(e.label())));
        waitUntil(() -> "Diwali callers".equals(ListNames.of(table().getItems().get(0).contact().lists())));

        Node entry = robot.lookup(".list-cell").match(node -> node instanceof javafx.scene.control.ListCell<?> cell
                && cell.getItem() instanceof ListsPanelViewModel.Entry item
                && "Diwali callers (3)".equals(item.label())).query();
        assertThat(((javafx.scene.control.ListCell<?>) entry).getTooltip().getText()).isEqualTo("Diwali callers (3)");
        robot.clickOn(entry);
        waitUntil(() -> table().getItems().size() == 3);
        waitUntil(() -> robot.lookup("#status-total").queryAs(Label.class).getText().equals("3 contacts"));
        assertThat(dialogs.errors()).isEmpty();
    }
}
