package org.dialbook.ui;

import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.connection.ConnectionProfilesView;
import org.dialbook.ui.common.FxDialogService;
import org.dialbook.ui.common.FxTaskExecutor;
import org.dialbook.ui.common.TaskExecutor;
import org.dialbook.ui.contacts.ContactsView;
import org.dialbook.ui.contacts.ContactsViewModel;
import org.dialbook.ui.shell.ContactsPane;
import org.dialbook.ui.shell.DesktopPreferences;
import org.dialbook.ui.shell.MainWindow;

/**
 * The JavaFX application. The composition root calls {@link #launch(DesktopContext)} with its
 * services; JavaFX then constructs this class itself, so the context travels through a static
 * hand-off that is set exactly once before the toolkit starts.
 */
public final class DesktopLauncher extends Application {
    private static volatile DesktopContext pending;
    private static volatile MainWindow.ContactsPaneFactory contactsFactory = DesktopLauncher::contactsPane;

    private TaskExecutor executor;
    private MainWindow window;

    /** Opens the window and blocks until it is closed. */
    public static void launch(DesktopContext context) {
        pending = Objects.requireNonNull(context, "context");
        Application.launch(DesktopLauncher.class);
    }

    @Override
    public void start(Stage stage) {
        executor = new FxTaskExecutor();
        DialogService dialogs = new FxDialogService(() -> stage);
        ConnectionPanel panel = pending.profileService()
                .map(service -> ConnectionProfilesView.panel(service, new ConnectionTester(), executor, dialogs))
                .orElse(null);
        window = new MainWindow(stage, pending, executor, dialogs, contactsFactory, panel);
        window.show();
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
        viewModel.pages().setOnFetched(onSynced);
        return new ContactsView(viewModel, preferences);
    }
}
