package org.dialbook.ui.desktop;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.dialbook.api.ContactsClient;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.ListSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionPanel;
import org.dialbook.ui.DesktopContext;
import org.dialbook.ui.ImportHandler;
import org.dialbook.ui.StartupTrace;
import org.dialbook.ui.common.AppIcons;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.connection.ConnectionProfilesView;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.TaskExecutor;
import org.dialbook.ui.contacts.ContactsView;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.lists.ListsMount;
import org.dialbook.ui.importer.ImportWizardLauncher;
import org.dialbook.ui.shell.ContactsPane;
import org.dialbook.ui.shell.DesktopPreferences;
import org.dialbook.ui.shell.MainWindow;
import org.dialbook.ui.shell.SmokeProbe;

/**
 * The JavaFX half of the composition root. {@code app} builds the FX-free services and calls
 * {@link #launch(DesktopContext)}; JavaFX then constructs this class itself, so the context travels
 * through a static hand-off that is set exactly once before the toolkit starts. Here, and only here,
 * the window's parts are wired: the one app-wide {@link TaskExecutor}, the dialogs, the profiles panel
 * and the import wizard all share it. It lives in its own package because it depends on every
 * feature, and nothing may depend back on it (no package cycles).
 */
public final class DesktopLauncher extends Application {
    private static volatile DesktopContext pending;
    private static volatile MainWindow.ContactsPaneFactory contactsFactory = DesktopLauncher::contactsPane;
    private static volatile Duration smokeTimeout;
    private static volatile SmokeProbe.Outcome smokeOutcome;

    private TaskExecutor executor;
    private MainWindow window;

    /** Opens the window and blocks until it is closed. */
    public static void launch(DesktopContext context) {
        pending = Objects.requireNonNull(context, "context");
        Application.launch(DesktopLauncher.class);
    }

    /**
     * {@code dialbook --smoke}: opens the window like {@link #launch}, then closes it as soon as the
     * first page of contacts is on screen, or on failure, or after {@code timeout}.
     */
    public static SmokeProbe.Outcome launchSmokeTest(DesktopContext context, Duration timeout) {
        smokeTimeout = Objects.requireNonNull(timeout, "timeout");
        launch(context);
        SmokeProbe.Outcome outcome = smokeOutcome;
        return outcome != null ? outcome
                : new SmokeProbe.Outcome(false, "the window closed before the first page", System.currentTimeMillis());
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("JavaFX toolkit started");
        MainWindow.applySavedTheme(pending.configDir());
        AppIcons.applyToAllWindows();
        executor = new FxTaskExecutor();
        DialogService dialogs = new FxDialogService(() -> stage);
        ConnectionPanel panel = pending.profileService()
                .map(service -> ConnectionProfilesView.panel(service, new ConnectionTester(), executor, dialogs))
                .orElse(null);
        window = new MainWindow(stage, withImports(pending, executor), executor, dialogs, contactsFactory, panel);
        window.show();
        StartupTrace.mark("stage shown");
        if (smokeTimeout != null) {
            SmokeProbe.watch(stage, window.viewModel(), executor, smokeTimeout, outcome -> {
                smokeOutcome = outcome;
                Platform.exit();
            });
        }
    }

    /** The import wizard, on the same executor as the window, unless the context brought its own handler. */
    private static DesktopContext withImports(DesktopContext context, TaskExecutor executor) {
        if (context.importer().isPresent() || context.imports().isEmpty()) {
            return context;
        }
        ImportHandler wizards = new ImportWizardLauncher(context.imports().get(),
                context.configDir().resolve("mappings"), executor, owner -> new FxDialogService(() -> owner));
        return context.withImportHandler(wizards);
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
        if (executor != null) {
            executor.shutdown();
        }
    }

    /** The contacts table for an opened connection; also used by the UI tests. */
    public static ContactsPane contactsPane(ActiveConnection connection, TaskExecutor executor, DialogService dialogs,
            DesktopPreferences preferences, Runnable onSynced) {
        ContactsViewModel viewModel = new ContactsViewModel(connection.api(), executor, dialogs,
                connection.defaultCountry());
        if (connection.mirror() != null) {
            ReadGate gate = ReadGate.forApi(connection.api());
            viewModel.attachMirror(connection.mirror(), ContactPages.of(connection.api()), gate,
                    Clock.systemDefaultZone());
            if (connection.api() instanceof ContactsClient client) {
                // The lists share the contacts' read budget: one gate for both.
                viewModel.mirrorSync().setListSync(new ListSync(connection.mirror(),
                        ListSync.Source.of(client.lists()), gate, Clock.systemUTC()));
            }
        }
        viewModel.pages().setOnFetched(onSynced);
        ContactsView view = new ContactsView(viewModel, preferences);
        if (connection.api() instanceof ContactsClient client) {
            return ListsMount.around(view, viewModel, client.lists(), connection.mirror(), executor,
                    dialogs, preferences);
        }
        return view;
    }
}
