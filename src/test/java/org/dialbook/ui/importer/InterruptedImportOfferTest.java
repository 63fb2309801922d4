package org.dialbook.ui.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.importer.CsvInspection;
import org.dialbook.importer.CsvInspector;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportOptions;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.MappingSuggester;
import org.dialbook.importer.UnfinishedImports;
import org.dialbook.jobs.CancelToken;
import org.dialbook.sandbox.SandboxOptions;
import org.dialbook.sandbox.SandboxServer;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.shell.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An import killed mid-run is offered when the window next opens, and resuming it finishes it. */
@ExtendWith(ApplicationExtension.class)
class InterruptedImportOfferTest {
    private static final int ROWS = 300;

    private Path dir;
    private SandboxServer sandbox;
    private ContactsClient client;
    private MainWindow window;
    private Stage stage;
    private ActiveConnection connection;
    private ImportWizardLauncher launcher;
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @Start
    void start(Stage stage) throws IOException {
        dir = Files.createTempDirectory("interrupted-import");
        // By hand: TestFX runs @Start before a registered extension's beforeEach, and each test needs a fresh sandbox.
        sandbox = SandboxServer.start(SandboxOptions.builder().port(0).inMemory().build());
        client = ContactsClient.builder(sandbox.connectionSettings()).retryPolicy(RetryPolicy.none()).build();
        Path csv = dir.resolve("campaign.csv");
        StringBuilder text = new StringBuilder("Name,Phone Number\n");
        for (int i = 0; i < ROWS; i++) {
            text.append("Person ").append(i).append(",+9198").append(String.format("%08d", 10_000_000 + i * 7))
                    .append('\n');
        }
        Files.writeString(csv, text);
        killedImport(csv);

        // The offer at start-up is answered "Later"; each test then answers a second offer its own way.
        dialogs.choosing(2);
        this.stage = stage;
        connection = new ActiveConnection(client, "Sandbox", sandbox.baseUrl().toString(), true, "IN", null);
        launcher = new ImportWizardLauncher(dir.resolve("imports"), dir.resolve("mappings"), new FxTaskExecutor(),
                owner -> dialogs);
        DesktopContext context = DesktopContext.of(() -> connection, dir.resolve("config"), dir.resolve("logs"))
                .withImportHandler(launcher);
        window = new MainWindow(stage, context, new FxTaskExecutor(), dialogs, DesktopLauncher::contactsPane, null);
        window.show();
    }

    /** Runs an import whose second request reaches the account but whose "process dies" before the answer. */
    private void killedImport(Path csv) throws IOException {
        AtomicInteger creates = new AtomicInteger();
        ContactsApi dying = (ContactsApi) Proxy.newProxyInstance(ContactsApi.class.getClassLoader(),
                new Class<?>[] {ContactsApi.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("createContacts") && creates.incrementAndGet() == 2) {
                        throw new IllegalStateException("simulated kill");
                    }
                    return result;
                });
        CsvInspection inspection = CsvInspector.inspect(csv);
        ImportPlan plan = ImportPlan.of(inspection, MappingSuggester.suggest(inspection),
                ImportOptions.defaults("IN").withBatchSize(100));
        assertThatThrownBy(() -> new ImportRunner(dying, dir.resolve("imports")).start(plan, ROWS,
                ImportListener.none(), CancelToken.none())).hasMessage("simulated kill");
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
    void theWindowOffersTheInterruptedImportAndResumingFinishesItWithoutDuplicates() throws Exception {
        waitUntil(() -> !dialogs.questions().isEmpty());
        assertThat(dialogs.questions()).singleElement().asString()
                .matches("Resume the interrupted import\\?: An import of campaign\\.csv was interrupted at \\d+ of "
                        + ROWS + " rows\\. Resume it now\\? .*");
        assertThat(UnfinishedImports.find(dir.resolve("imports"))).as("Later keeps it").hasSize(1);

        dialogs.choosing(0);
        offerAgain();
        waitUntil(() -> dialogs.questions().size() == 2);
        waitUntil(() -> launcher.lastWizard() != null && launcher.lastWizard().isShowing());
        waitUntil(() -> UnfinishedImports.find(dir.resolve("imports")).isEmpty()
                && new ImportRunner(client, dir.resolve("imports")).resumable(null).isEmpty());

        assertThat(sandbox.contactCount("sandbox")).isEqualTo(ROWS);
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void discardStopsOfferingTheImport() throws Exception {
        waitUntil(() -> dialogs.questions().size() == 1);

        dialogs.choosing(1);
        offerAgain();
        waitUntil(() -> dialogs.questions().size() == 2);
        waitUntil(() -> UnfinishedImports.find(dir.resolve("imports")).isEmpty());

        assertThat(new ImportRunner(client, dir.resolve("imports")).resumable(null)).isEmpty();
        assertThat(launcher.lastWizard()).isNull();
        assertThat(dialogs.errors()).isEmpty();
    }

    /** What the window does at start-up, once more, and waits for the background look-up to end. */
    private void offerAgain() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> launcher.offerInterruptedImports(stage, connection, () -> { })).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
