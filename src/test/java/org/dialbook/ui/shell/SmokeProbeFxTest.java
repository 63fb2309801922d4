package org.dialbook.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.RetryPolicy;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.desktop.DesktopLauncher;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.RecordingDialogService;
import org.dialbook.ui.contacts.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** What {@code dialbook --smoke} relies on: the probe sees the first page on screen, or says why not. */
class SmokeProbeFxTest {
    private static SandboxFixture sandbox;
    private final FxRobot robot = new FxRobot();
    private final CompletableFuture<SmokeProbe.Outcome> outcome = new CompletableFuture<>();
    private FxTaskExecutor executor;
    private MainWindow window;

    @TempDir
    Path config;

    @BeforeAll
    static void startSandbox() throws TimeoutException {
        sandbox = SandboxFixture.start();
        sandbox.reset(25);
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

    private void open(ConnectionSource source, Duration timeout) throws TimeoutException {
        executor = new FxTaskExecutor();
        DesktopContext context = DesktopContext.of(source, config, config.resolve("logs"));
        FxToolkit.setupStage(stage -> {
            window = new MainWindow(stage, context, executor, new RecordingDialogService(),
                    DesktopLauncher::contactsPane, null);
            window.show();
            SmokeProbe.watch(stage, window.viewModel(), executor, timeout, outcome::complete);
        });
    }

    @Test
    void reportsOnceTheFirstPageIsInTheTable() throws Exception {
        open(() -> {
            ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                    .retryPolicy(RetryPolicy.none()).build();
            return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", client::close);
        }, Duration.ofSeconds(30));

        SmokeProbe.Outcome result = outcome.get(30, TimeUnit.SECONDS);

        assertThat(result.ok()).as(result.detail()).isTrue();
        assertThat(robot.lookup(".table-view").queryAs(TableView.class).getItems()).hasSize(20);
    }

    @Test
    void reportsTheFirstPageFromTheMirrorBeforeTheServerAnswers() throws Exception {
        Mirror mirror = new MirrorFiles(config.resolve("data"), Clock.systemUTC())
                .open(sandbox.server.connectionSettings());
        new MirrorSync(mirror, ContactPages.of(sandbox.client), ReadGate.unlimited(), Clock.systemUTC())
                .run(MirrorSync.Mode.FULL, progress -> { }, () -> false);
        // The server now answers too late for the probe: only the mirror can have filled the table.
        sandbox.server.faults().latency(Duration.ofSeconds(5));
        String[] statusAtReport = new String[1];
        try {
            executor = new FxTaskExecutor();
            DesktopContext context = DesktopContext.of(() -> {
                ContactsClient client = ContactsClient.builder(sandbox.server.connectionSettings())
                        .retryPolicy(RetryPolicy.none()).build();
                return new ActiveConnection(client, "Sandbox", "Local sandbox", true, "IN", () -> {
                    client.close();
                    mirror.close();
                }, mirror);
            }, config, config.resolve("logs"));
            FxToolkit.setupStage(stage -> {
                window = new MainWindow(stage, context, executor, new RecordingDialogService(),
                        DesktopLauncher::contactsPane, null);
                window.show();
                SmokeProbe.watch(stage, window.viewModel(), executor, Duration.ofSeconds(30), result -> {
                    statusAtReport[0] = window.viewModel().lastSyncTextProperty().get();
                    outcome.complete(result);
                });
            });

            SmokeProbe.Outcome result = outcome.get(30, TimeUnit.SECONDS);

            assertThat(result.ok()).as(result.detail()).isTrue();
            assertThat(statusAtReport[0]).as("no page had come from the server yet").isEqualTo("Not synced yet");
            assertThat(robot.lookup(".contacts-table").queryAs(TableView.class).getItems()).hasSize(20);
        } finally {
            sandbox.server.faults().latency(Duration.ZERO);
        }
    }

    @Test
    void reportsAFailedConnectionWithItsReason() throws Exception {
        open(() -> {
            throw new IllegalStateException("the keychain is locked");
        }, Duration.ofSeconds(30));

        SmokeProbe.Outcome result = outcome.get(30, TimeUnit.SECONDS);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).startsWith("could not open the contacts: ");
    }

    @Test
    void reportsATimeoutWhenNoPageArrives() throws Exception {
        CompletableFuture<ActiveConnection> never = new CompletableFuture<>();
        open(() -> never.get(), Duration.ofMillis(200));

        SmokeProbe.Outcome result = outcome.get(30, TimeUnit.SECONDS);

        assertThat(result.ok()).isFalse();
        assertThat(result.detail()).isEqualTo("no page of contacts after 0 s (state: CONNECTING)");
        never.cancel(true);
    }
}
