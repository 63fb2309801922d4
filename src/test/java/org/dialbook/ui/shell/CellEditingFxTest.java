package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactRow;
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

/** F2 and Enter edit the cell the user is on, never the column edited last (issue 13, item 1). */
class CellEditingFxTest {
    private static final List<String> EDITABLE = List.of("number", "first", "last", "company", "email", "tag");
    private static SandboxFixture sandbox;
    private final FxRobot robot = new FxRobot();
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

    @BeforeEach
    void open() throws TimeoutException {
        sandbox.reset(5);
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(() -> {
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        }, config, config.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1300);
            stage.setHeight(700);
            window = new MainWindow(stage, context, executor, new RecordingDialogService(),
                    DesktopLauncher::contactsPane, null);
            window.show();
        });
        waitUntil(() -> table().getItems().size() == 5 && cellIn("tag", 0) != null);
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.close());
        FxToolkit.cleanupStages();
        executor.shutdown();
    }

    @Test
    void f2OnEachColumnEditsThatColumn() throws TimeoutException {
        for (String column : EDITABLE) {
            robot.clickOn(cellIn(column, 1));
            robot.type(KeyCode.F2);
            assertThat(editingColumn()).as("F2 after clicking a %s cell", column).isEqualTo(column);
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> table().getEditingCell() == null);
        }
    }

    @Test
    void enterEditsTheCellReachedWithTheArrowKeys() throws TimeoutException {
        robot.clickOn(cellIn("first", 0));
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> table().getEditingCell() == null);
        // After editing First name, moving right twice lands on Company: Enter must edit Company, not First name.
        robot.type(KeyCode.DOWN, KeyCode.RIGHT, KeyCode.RIGHT);
        robot.type(KeyCode.ENTER);
        assertThat(editingColumn()).isEqualTo("company");
        assertThat(table().getEditingCell().getRow()).isEqualTo(1);
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.LEFT, KeyCode.LEFT, KeyCode.LEFT);
        robot.type(KeyCode.F2);
        assertThat(editingColumn()).isEqualTo("number");
    }

    @Test
    void aReadOnlyCellEditsTheFirstEditableColumn() throws TimeoutException {
        robot.clickOn(cellIn("created", 2));
        robot.type(KeyCode.F2);
        assertThat(editingColumn()).isEqualTo("number");
    }

    private String editingColumn() throws TimeoutException {
        waitUntil(() -> table().getEditingCell() != null);
        TablePosition<ContactRow, ?> editing = table().getEditingCell();
        return editing.getTableColumn().getId();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactRow> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private Node cellIn(String columnId, int row) {
        return robot.lookup(".table-cell").match((Node node) -> node instanceof TableCell<?, ?> cell
                && cell.isVisible() && cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())
                && cell.getIndex() == row && !cell.isEmpty()).tryQuery().orElse(null);
    }

}
