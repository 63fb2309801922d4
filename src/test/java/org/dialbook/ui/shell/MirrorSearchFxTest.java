package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dialbook.ui.FxConditions.waitUntil;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.SandboxFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** The window with the account's mirror: a number fragment typed in the search box finds the row. */
class MirrorSearchFxTest {
    private final FxRobot robot = new FxRobot();
    private SandboxFixture sandbox;
    private FxTaskExecutor executor;
    private MainWindow window;

    @TempDir
    Path home;

    @BeforeEach
    void start() throws TimeoutException {
        sandbox = SandboxFixture.start();
        sandbox.reset(45);
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
        sandbox.close();
    }

    private void openWindow() throws TimeoutException {
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(() -> sandbox.connectionWithMirror(home),
                home.resolve("config"), home.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, new RecordingDialogService(),
                    DesktopLauncher::contactsPane, null);
            window.show();
        });
        // The table exists once the connection opened; until then there is nothing to look at.
        waitUntil(() -> robot.lookup(".table-view").tryQuery().isPresent() && table().getItems().size() == 20
                && "Synced just now".equals(text("#status-mirror")));
    }

    @Test
    void typingANumberFragmentInTheSearchBoxShowsTheContact() throws TimeoutException {
        openWindow();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("98100-00017");

        waitUntil(() -> table().getItems().size() == 1
                && "Alpha17".equals(table().getItems().get(0).contact().firstName())
                && "1 contact".equals(text("#status-total")));
        waitUntil(() -> robot.lookup("Alpha17").match(Node::isVisible).tryQuery().isPresent());
        assertThat(robot.lookup("+919810000017").match(Node::isVisible).tryQuery()).isPresent();
    }

    @Test
    void aTwoDigitFragmentAndATagChipNarrowTheTable() throws TimeoutException {
        openWindow();
        robot.push(KeyCode.CONTROL, KeyCode.F).write("17");
        waitUntil(() -> table().getItems().size() == 1
                && "Alpha17".equals(table().getItems().get(0).contact().firstName()));

        robot.push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        waitUntil(() -> !table().getItems().isEmpty() && "45 contacts".equals(text("#status-total")));
        robot.clickOn("#filter-tag");
        robot.clickOn("odd (22)");
        waitUntil(() -> "22 contacts".equals(text("#status-total"))
                && table().getItems().stream().allMatch(row -> "odd".equals(row.contact().tag())));
        assertThat(robot.lookup("#tag-chip").queryButton().getText()).isEqualTo("Tag: odd");

        robot.clickOn("#tag-chip");
        waitUntil(() -> "45 contacts".equals(text("#status-total")));
        assertThat(robot.lookup("#tag-chip").queryButton().isVisible()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactRow> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

}
