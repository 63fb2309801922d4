package org.dialbook.ui.shell;

import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.dialbook.ui.ActiveConnection;
import org.dialbook.ui.ConnectionSource;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's own state: which account it shows, whether opening it worked, and the status bar's
 * texts. Opening runs in the background, so a slow network or a starting sandbox never freezes the
 * window; a failure becomes a message with a Retry, never a blank window.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Where opening the connection stands. */
    public enum State {
        CONNECTING,
        CONNECTED,
        FAILED
    }

    private final ConnectionSource source;
    /** Counts connect() calls, so that only the latest one's connection is shown. */
    private int attempt;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.CONNECTING);
    private final ReadOnlyObjectWrapper<ActiveConnection> connection = new ReadOnlyObjectWrapper<>(this, "connection");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper profileText = new ReadOnlyStringWrapper(this, "profileText", "");
    private final ReadOnlyStringWrapper lastSyncText = new ReadOnlyStringWrapper(this, "lastSyncText", "Not synced yet");
    private final BooleanBinding sandbox;
    /** Whether a call to the opened account has succeeded yet: only then is it "connected" in the log. */
    private boolean answered;

    public ShellViewModel(ConnectionSource source, TaskExecutor executor) {
        this(source, executor, Clock.systemDefaultZone());
    }

    ShellViewModel(ConnectionSource source, TaskExecutor executor, Clock clock) {
        this.source = source;
        this.executor = executor;
        this.clock = clock;
        this.sandbox = Bindings.createBooleanBinding(
                () -> connection.get() != null && connection.get().sandbox(), connection);
    }

    /** Opens (or re-opens, after a profile change) the connection in the background. */
    public void connect() {
        int mine = ++attempt;
        ActiveConnection previous = connection.get();
        // At start-up the connection is usually open by the time the window has its first frame.
        Optional<ActiveConnection> ready = previous == null ? source.openedAlready() : Optional.empty();
        connection.set(null);
        state.set(State.CONNECTING);
        failure.set("");
        profileText.set("Connecting…");
        // The previous account's sync time says nothing about this one.
        lastSyncText.set("Not synced yet");
        answered = false;
        if (ready.isPresent()) {
            opened(ready.get());
            return;
        }
        BackgroundTask.titled("Connecting", progress -> {
            closeQuietly(previous);
            progress.update(-1, -1, "Opening the account");
            return source.open();
        }).onSuccess(opened -> {
            if (mine != attempt) {
                // Connect was asked again while this one was opening: the newer one is shown, and this
                // one is closed off the FX thread (closing a client and a mirror touches the disk).
                BackgroundTask.quiet(progress -> {
                    closeQuietly(opened);
                    return null;
                }).executeWith(executor);
                return;
            }
            opened(opened);
        }).onFailure(error -> {
            if (mine != attempt) {
                return;
            }
            LOG.warn("Could not open the connection", error);
            failure.set(ErrorMessages.describe(error));
            profileText.set("Not connected");
            state.set(State.FAILED);
        }).executeWith(executor);
    }

    private void opened(ActiveConnection opened) {
        connection.set(opened);
        profileText.set(opened.sandbox() ? "Sandbox" : "Profile: " + opened.profileName());
        state.set(State.CONNECTED);
        // Opening only builds a client; the account has not answered yet, so this is not "connected".
        LOG.info("Opened {} ({}); waiting for its first page", opened.profileName(), opened.location());
    }

    /** Called when a page arrived from the server, for the status bar. */
    public void markSynced() {
        lastSyncText.set("Synced " + LocalTime.now(clock).format(TIME));
        ActiveConnection opened = connection.get();
        if (!answered && opened != null) {
            answered = true;
            LOG.info("Connected to {} ({})", opened.profileName(), opened.location());
        }
    }

    /** Closes the connection; the window is going away. */
    public void close() {
        closeQuietly(connection.get());
        connection.set(null);
    }

    private static void closeQuietly(ActiveConnection open) {
        if (open == null) {
            return;
        }
        try {
            open.close();
        } catch (Exception e) {
            LOG.warn("Closing the connection to {} failed", open.profileName(), e);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ActiveConnection> connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty profileTextProperty() {
        return profileText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncTextProperty() {
        return lastSyncText.getReadOnlyProperty();
    }

    public BooleanBinding sandboxProperty() {
        return sandbox;
    }
}
