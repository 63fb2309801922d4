package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window as a new user first sees it: the default size (nothing saved), the lists panel beside
 * the table. Every column header reads whole, and each menu knows its Alt+letter (issue 13). That
 * Alt+E opens Edit when Alt is let go first is checked on a real X display (Openbox, xdotool):
 * Monocle's headless menus cannot show a popup from a key filter.
 */
class DefaultSizeFxTest {
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SandboxFixture sandbox;
    private FxTaskExecutor executor;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path dir;

    @BeforeEach
    void open() throws TimeoutException {
        sandbox = SandboxFixture.start();
        sandbox.reset(25);
        stage = FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        // With the account's mirror, as the app opens it: a search then sorts by any column.
        DesktopContext context = DesktopContext.of(() -> sandbox.connectionWithMirror(dir), dir.resolve("config"),
                dir.resolve("logs"));
        FxToolkit.setupStage(shown -> {
            window = new MainWindow(shown, context, executor, dialogs, DesktopLauncher::contactsPane, null);
            window.show();
        });
        waitUntil(() -> robot.lookup(".table-view").tryQuery().isPresent() && table().getItems().size() == 20
                && robot.lookup("#status-mirror").tryQuery().map(node -> ((Label) node).getText())
                        .filter("Synced just now"::equals).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.close());
        FxToolkit.cleanupStages();
        executor.shutdown();
        sandbox.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    /** Each header's title as drawn: a Labeled draws "Nu…" in its text node when the title does not fit. */
    private List<String> drawnHeaders() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().lookupAll(".column-header").stream()
                .filter(node -> node instanceof TableColumnHeader header && header.getTableColumn() != null
                        && header.getTableColumn().isResizable())
                .map(node -> (Label) node.lookup(".label"))
                .map(label -> label.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                        .map(text -> ((Text) text).getText()).findFirst().orElse(""))
                .toList()).get();
    }

    /** The Number column's cells as drawn: a cut number ends in "…" in the cell's text node. */
    private List<String> drawnNumbers() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> table().lookupAll(".table-cell").stream()
                .filter(node -> node instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getItem() != null
                        && cell.getTableColumn() != null && "number".equals(cell.getTableColumn().getId()))
                .map(cell -> ((javafx.scene.Parent) cell).getChildrenUnmodifiable().stream()
                        .filter(Text.class::isInstance).map(text -> ((Text) text).getText()).findFirst().orElse(""))
                .toList()).get();
    }

    @Test
    void everyHeaderReadsWholeAtTheDefaultSizeBesideTheListsPanel() throws Exception {
        double screen = javafx.stage.Screen.getPrimary().getVisualBounds().getWidth();
        assertThat(stage.getWidth()).as("the default size, nothing saved").isEqualTo(Math.min(1300, screen));
        assertThat(robot.lookup("#listsView").tryQuery()).as("the lists panel is shown").isPresent();
        List<String> titles = List.of("Number", "First name", "Last name", "Company", "Email", "Tag",
                "Custom fields", "Created", "Updated", "Lists");

        assertThat(drawnHeaders()).as("browsing: marks on the columns the API cannot sort")
                .containsExactlyElementsOf(titles);
        assertThat(drawnNumbers()).as("every number reads whole").isNotEmpty()
                .allMatch(number -> number.matches("\\+\\d{12}"));

        // A search sorts by any column: the marks go, and a sort arrow takes room on the sorted column.
        robot.clickOn("#searchField").write("Alpha");
        waitUntil(() -> table().getColumns().get(1).isSortable());
        robot.clickOn(robot.lookup(".column-header .label").match(node -> "Company".equals(((Label) node).getText()))
                .queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(drawnHeaders()).as("searching, sorted by Company").containsExactlyElementsOf(titles);
    }

    @Test
    void eachMenuHasTheKeyOfItsUnderlinedLetter() {
        assertThat(List.of("_File", "_Edit", "_View", "_Connection", "_Help").stream().map(MainWindow::mnemonicKey))
                .containsExactly(KeyCode.F, KeyCode.E, KeyCode.V, KeyCode.C, KeyCode.H);
        assertThat(MainWindow.mnemonicKey("Plain")).isNull();
    }
}
