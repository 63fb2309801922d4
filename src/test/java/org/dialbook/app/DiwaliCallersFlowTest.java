package org.dialbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.sandbox.SandboxAccount;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FileDrops;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.ContactRow;
import org.dialbook.ui.contacts.SandboxFixture;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.importer.ImportWizardLauncher;
import org.dialbook.ui.lists.ListNames;
import org.dialbook.ui.lists.ListsPanelViewModel;
import org.dialbook.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 12's "done when", as a new user does it: the sample CSV dropped on the window is imported
 * into a new list "Diwali callers" from the wizard; the list shows in the panel with its count, a
 * click filters the table to it, one contact is removed from it, and {@code dialbook lists contacts
 * "Diwali callers" --format csv} prints the same contacts the list now holds.
 */
class DiwaliCallersFlowTest {
    private static final String LIST = "Diwali callers";

    private final FxRobot robot = new FxRobot();
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private SandboxFixture sandbox;
    private FxTaskExecutor executor;
    private MainWindow window;
    private Stage stage;

    @TempDir
    Path home;

    @BeforeEach
    void open() throws TimeoutException {
        sandbox = SandboxFixture.start();
        FxToolkit.registerPrimaryStage();
        executor = new FxTaskExecutor();
        ImportWizardLauncher wizards = new ImportWizardLauncher(home.resolve("imports"), home.resolve("mappings"),
                executor, owner -> dialogs);
        DesktopContext context = DesktopContext.of(() -> sandbox.connectionWithMirror(home),
                home.resolve("config"), home.resolve("logs")).withImportHandler(wizards);
        FxToolkit.setupStage(stage -> {
            this.stage = stage;
            window = new MainWindow(stage, context, executor, dialogs, DesktopLauncher::contactsPane, null);
            window.show();
        });
        waitUntil(() -> "0 contacts".equals(text("#status-total")));
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> {
            for (Window shown : List.copyOf(Window.getWindows())) {
                if (shown instanceof Stage other && other != stage) {
                    other.close();
                }
            }
            if (window != null) {
                window.close();
            }
        });
        FxToolkit.cleanupStages();
        executor.shutdown();
        sandbox.close();
    }

    @Test
    void importIntoANewListFilterByItRemoveOneAndTheCliPrintsTheSameContacts() throws Exception {
        Path file = Files.copy(Path.of("assets/samples/contacts-sample.csv"), home.resolve("contacts-sample.csv"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(FileDrops.drop(robot, stage, file)).isTrue();
        waitUntil(() -> wizard().isPresent());
        Stage wizard = wizard().orElseThrow();
        Button next = (Button) wizard.getScene().lookup("#nextButton");
        waitUntil(() -> !next.isDisabled());
        robot.interact(next::fire);
        robot.interact(next::fire);
        waitUntil(() -> !next.isDisabled());
        assertThat(((Label) wizard.getScene().lookup("#createCount")).getText()).isEqualTo("44 to create");
        robot.interact(next::fire);

        // The options step: type a new list's name into "Add to campaign list".
        @SuppressWarnings("unchecked")
        ComboBox<String> listBox = (ComboBox<String>) wizard.getScene().lookup("#listBox");
        assertThat(listBox.isVisible()).isTrue();
        robot.clickOn(listBox.getEditor()).write(LIST);
        robot.interact(next::fire);
        Label result = (Label) wizard.getScene().lookup("#resultText");
        waitUntil(() -> result.getText().startsWith("Done."));
        assertThat(result.getText()).contains("44 created").contains("5 invalid");
        robot.interact(wizard::close);

        // The panel shows the new list with its count; a click filters the table to it.
        waitUntil(() -> entry(LIST + " (44)").isPresent());
        robot.clickOn(entry(LIST + " (44)").orElseThrow());
        waitUntil(() -> "44 contacts".equals(text("#status-total")) && table().getItems().size() == 20);
        assertThat(table().getItems()).allMatch(row -> ListNames.of(row.contact().lists()).contains(LIST));

        // Remove the first row from the list: it leaves the list, and stays in the book.
        Contact removed = table().getItems().get(0).contact();
        robot.clickOn(robot.lookup(".table-row-cell").match(node -> node instanceof javafx.scene.control.TableRow<?> row
                && row.getItem() != null && row.getIndex() == 0).<Node>query());
        assertThat(table().getSelectionModel().getSelectedItems()).extracting(row -> row.contact().sid())
                .containsExactly(removed.sid());
        robot.clickOn("#removeFromListButton");
        waitUntil(() -> entry(LIST + " (43)").isPresent() && "43 contacts".equals(text("#status-total")));
        assertThat(table().getItems()).extracting(row -> row.contact().sid()).doesNotContain(removed.sid());
        assertThat(sandbox.client.getContact(removed.sid()).number()).isEqualTo(removed.number());

        // The script sees the same list: the contacts in the sandbox's list, one CSV row each.
        String listSid = sandbox.client.lists().findByName(LIST).map(CampaignList::sid).orElseThrow();
        List<String> members = sandbox.client.lists().streamContacts(listSid).map(Contact::number).sorted().toList();
        assertThat(members).hasSize(43).doesNotContain(removed.number());
        SandboxAccount account = sandbox.server.defaultAccount();
        Map<String, String> env = CliRun.env(sandbox.server.baseUrl().toString(), account.accountSid(),
                account.apiKey(), account.apiToken());
        CliRun csv = CliRun.lists(env, "contacts", LIST, "--format", "csv");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> lines = csv.out().lines().toList();
        int numberColumn = Arrays.asList(lines.get(0).split(",")).indexOf("number");
        assertThat(numberColumn).as("header %s", lines.get(0)).isNotNegative();
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",")[numberColumn]).sorted())
                .containsExactlyElementsOf(members);
        assertThat(dialogs.errors()).isEmpty();
    }

    private Optional<Stage> wizard() {
        return Window.getWindows().stream().filter(shown -> shown != stage && shown instanceof Stage)
                .map(Stage.class::cast).filter(shown -> shown.getScene().lookup("#nextButton") != null).findFirst();
    }

    private Optional<Node> entry(String label) {
        return robot.lookup(".list-cell").match(node -> node instanceof ListCell<?> cell
                && cell.getItem() instanceof ListsPanelViewModel.Entry item && label.equals(item.label())).tryQuery();
    }

    @SuppressWarnings("unchecked")
    private TableView<ContactRow> table() {
        return robot.lookup(".table-view").queryAs(TableView.class);
    }

    private String text(String id) {
        return robot.lookup(id).tryQuery().map(node -> ((Label) node).getText()).orElse("");
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
