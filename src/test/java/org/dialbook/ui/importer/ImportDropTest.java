package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FileDrops;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drops files on the real main window and walks the wizard into an in-process sandbox. */
@ExtendWith(ApplicationExtension.class)
class ImportDropTest {
    private Path dir;
    private SandboxServer sandbox;
    private ContactsClient client;
    private Stage stage;
    private MainWindow window;
    private ImportWizardLauncher launcher;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("import-drop");
        // By hand: TestFX runs @Start before a registered extension's beforeEach, and each test needs a fresh sandbox.
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        launcher = new ImportWizardLauncher(dir.resolve("imports"), dir.resolve("mappings"), new FxTaskExecutor(),
                owner -> dialogs);
        DesktopContext context = DesktopContext.of(() -> new ActiveConnection(client, "Sandbox",
                        sandbox.baseUrl().toString(), true, "IN", null), dir.resolve("config"), dir.resolve("logs"))
                .withImportHandler(launcher);
        window = new MainWindow(stage, context, new FxTaskExecutor(), dialogs, DesktopLauncher::contactsPane, null);
        window.show();
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            if (launcher.lastWizard() != null) {
                launcher.lastWizard().close();
            }
        });
        client.close();
        sandbox.close();
    }

    @Test
    void droppingACsvOpensTheWizardWhichImportsAndRefreshesTheTable(FxRobot robot) throws Exception {
        Path file = Files.copy(Path.of("assets/samples/contacts-sample.csv"), dir.resolve("contacts.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        waitUntil(() -> statusTotal().equals("0 contacts"));

        assertThat(FileDrops.drop(robot, stage, file)).isTrue();
        waitUntil(() -> launcher.lastWizard() != null && launcher.lastWizard().isShowing());
        Stage wizard = launcher.lastWizard();
        Button next = (Button) wizard.getScene().lookup("#nextButton");
        waitUntil(() -> !next.isDisabled());
        // Enter goes on, not to "Choose file…" again, once the dropped file is read.
        waitUntil(next::isFocused);
        robot.interact(next::fire);
        assertThat(((Label) wizard.getScene().lookup(".step-title")).getText()).contains("Match the columns");
        robot.interact(next::fire);
        waitUntil(() -> !next.isDisabled());
        assertThat(((Label) wizard.getScene().lookup("#createCount")).getText()).isEqualTo("44 to create");
        robot.interact(next::fire);
        robot.interact(next::fire);
        Label result = (Label) wizard.getScene().lookup("#resultText");
        waitUntil(() -> result.getText().startsWith("Done."));

        assertThat(result.getText()).contains("44 created").contains("5 invalid");
        assertThat(sandbox.contactCount("sandbox")).isEqualTo(44);
        waitUntil(() -> statusTotal().equals("44 contacts"));
        assertThat(dialogs.errors()).isEmpty();

        // The import is in the window's Edit → Undo; undoing it there turns the wizard's button off.
        Button undoImport = (Button) wizard.getScene().lookup("#undoButton");
        assertThat(undoImport.isDisabled()).isFalse();
        MenuItem undo = editMenuItem("Undo Import of contacts.csv (44 created)");
        assertThat(undo.isDisable()).isFalse();
        robot.interact(undo::fire);
        waitUntil(() -> sandbox.contactCount("sandbox") == 0 && undoImport.isDisabled());
        waitUntil(() -> statusTotal().equals("0 contacts"));
        assertThat(undo.isDisable()).as("the import's undo is spent").isTrue();
        assertThat(undo.getText()).isEqualTo("Undo");
        assertThat(dialogs.errors()).isEmpty();
    }

    private MenuItem editMenuItem(String text) {
        MenuBar bar = (MenuBar) ((VBox) ((BorderPane) stage.getScene().getRoot()).getTop()).getChildren().get(0);
        return bar.getMenus().stream().filter(menu -> menu.getText().equals("_Edit")).findFirst().orElseThrow()
                .getItems().stream().filter(item -> text.equals(item.getText())).findFirst().orElseThrow();
    }

    @Test
    void droppingANonCsvSaysWhyItWasRejected(FxRobot robot) throws Exception {
        Path pdf = Files.write(dir.resolve("scan.pdf"), new byte[] {'%', 'P', 'D', 'F'});
        waitUntil(() -> statusTotal().equals("0 contacts"));

        assertThat(FileDrops.drop(robot, stage, pdf)).as("the drop is accepted so the rejection can be explained").isTrue();
        waitUntil(() -> !dialogs.errors().isEmpty());

        assertThat(dialogs.errors()).singleElement().asString().contains("scan.pdf: .pdf files cannot be imported");
        assertThat(launcher.lastWizard()).isNull();
    }

    /** The main window's count, which the contacts table updates when it reloads. */
    private String statusTotal() {
        Label total = (Label) stage.getScene().lookup("#status-total");
        return total == null ? "" : total.getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
