package org.dialbook.ui.connection;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.credentials.ApiCredentials;
import org.dialbook.credentials.ConnectionProfile;
import org.dialbook.credentials.ConnectionTester;
import org.dialbook.credentials.KeychainStatus;
import org.dialbook.credentials.ProfileService;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The connection-profiles panel: the list of profiles, the form for the selected (or new) one, and
 * the actions save, delete, test and use. Keychain and network calls go through the
 * {@link TaskExecutor}; their outcome lands in {@link #statusProperty()}.
 */
public final class ConnectionProfilesViewModel {

    /** How the status line should look. */
    public enum StatusKind { NONE, WORKING, SUCCESS, WARNING, ERROR }

    /** A status line: what happened, and how to show it. */
    public record Status(StatusKind kind, String message) {
        static final Status NONE = new Status(StatusKind.NONE, "");
    }

    private final ProfileService service;
    private final ConnectionTester tester;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionProfile> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ConnectionProfile> active = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(Status.NONE);
    private final ReadOnlyStringWrapper keychainMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keychainMissing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper closeRequested = new ReadOnlyBooleanWrapper(false);
    private final ProfileForm form;
    private final BooleanBinding canSave;
    private final BooleanBinding canTest;
    private final BooleanBinding canDelete;
    private final BooleanBinding canUse;
    private final String initialActiveId;
    private boolean keepForm;

    public ConnectionProfilesViewModel(ProfileService service, ConnectionTester tester, TaskExecutor executor,
            DialogService dialogs) {
        this.service = Objects.requireNonNull(service, "service");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.form = new ProfileForm(this::nameTaken);
        BooleanBinding sandboxShown = Bindings.createBooleanBinding(
                () -> selected.get() != null && selected.get().sandbox(), selected);
        canSave = form.valid().and(sandboxShown.not()).and(busy.not());
        canTest = form.valid().and(busy.not());
        canDelete = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().sandbox(), selected)
                .and(busy.not());
        canUse = form.valid().and(busy.not());

        profiles.setAll(service.profiles());
        active.set(service.activeProfile());
        initialActiveId = active.get().id();
        showKeychain(service.keychainStatus());
        service.loadProblem().ifPresent(problem -> status.set(new Status(StatusKind.WARNING, problem)));
        selected.addListener((obs, old, profile) -> show(profile));
        selected.set(active.get());
        // Say before anyone types a token whether it will survive a restart.
        background(null, service::probeKeychain, this::showKeychain,
                error -> showKeychain(KeychainStatus.unavailable(String.valueOf(error.getMessage()))));
    }

    private boolean nameTaken(String name, String editingId) {
        if (name == null) {
            return false;
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return profiles.stream().anyMatch(profile -> !profile.id().equals(editingId)
                && profile.name().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** Clears the form for a new profile. */
    public void newProfile() {
        selected.set(null);
        form.clear();
        status.set(Status.NONE);
    }

    private void show(ConnectionProfile profile) {
        if (keepForm && profile != null) {
            form.markEditing(profile.id());
            return;
        }
        if (profile == null) {
            form.clear();
            return;
        }
        form.load(profile);
        if (profile.sandbox()) {
            return;
        }
        background(null, () -> service.credentials(profile),
                credentials -> {
                    // The user may have moved on while the keychain answered.
                    if (profile.equals(selected.get())) {
                        credentials.ifPresent(form::fillSecrets);
                        showKeychain(service.keychainStatus());
                        if (credentials.isEmpty()) {
                            status.set(new Status(StatusKind.WARNING, "No API key and token are stored for '"
                                    + profile.name() + "'. Enter them and save."));
                        }
                    }
                },
                error -> status.set(new Status(StatusKind.ERROR, "Could not read the stored API token: "
                        + error.getMessage())));
    }

    /** Saves the form as a profile (new or edited) with its key and token. */
    public void save() {
        save(null);
    }

    private void save(Runnable then) {
        if (!canSave.get()) {
            return;
        }
        ConnectionProfile profile;
        ApiCredentials credentials;
        try {
            profile = form.toProfile();
            credentials = form.toCredentials();
        } catch (IllegalArgumentException e) {
            status.set(new Status(StatusKind.ERROR, e.getMessage()));
            return;
        }
        start("Saving '" + profile.name() + "'…");
        background("Saving connection profile", () -> service.save(profile, credentials),
                keychain -> {
                    busy.set(false);
                    profiles.setAll(service.profiles());
                    selectWithoutReload(profile);
                    showKeychain(keychain);
                    status.set(keychain.unavailable()
                            ? new Status(StatusKind.WARNING, "Saved '" + profile.name() + "'. " + keychain.userMessage())
                            : new Status(StatusKind.SUCCESS, "Saved '" + profile.name() + "'."));
                    if (then != null) {
                        then.run();
                    }
                },
                this::failed);
    }

    /** Deletes the selected profile and its stored secrets, after asking. */
    public void delete() {
        ConnectionProfile profile = selected.get();
        if (!canDelete.get() || !dialogs.confirm("Delete connection profile",
                "Delete the profile '" + profile.name() + "' and remove its API key and token from this computer?",
                "Delete '" + profile.name() + "'")) {
            return;
        }
        start("Deleting '" + profile.name() + "'…");
        background("Deleting connection profile", () -> {
            service.delete(profile.id());
            return service.activeProfile();
        }, nowActive -> {
            busy.set(false);
            profiles.setAll(service.profiles());
            active.set(nowActive);
            selected.set(nowActive);
            status.set(new Status(StatusKind.SUCCESS, "Deleted '" + profile.name() + "'."));
        }, this::failed);
    }

    /** One cheap call with what the form holds now (saved or not), reporting the exact outcome. */
    public void testConnection() {
        if (!canTest.get()) {
            return;
        }
        ConnectionProfile shown = selected.get();
        boolean sandbox = shown != null && shown.sandbox();
        ConnectionProfile profile;
        ApiCredentials credentials;
        try {
            profile = sandbox ? shown : form.toProfile();
            credentials = sandbox ? null : form.toCredentials();
        } catch (IllegalArgumentException e) {
            status.set(new Status(StatusKind.ERROR, e.getMessage()));
            return;
        }
        start("Testing the connection to " + profile.whereLabel() + "…");
        background("Testing connection", () -> {
            ConnectionSettings settings = sandbox ? service.settingsFor(profile)
                    : ProfileService.settingsFor(profile, credentials);
            return tester.test(settings);
        }, result -> {
            busy.set(false);
            status.set(new Status(result.ok() ? StatusKind.SUCCESS : StatusKind.ERROR, result.message()));
        }, this::failed);
    }

    /** Saves the form if needed, makes it the active profile, then asks the view to close. */
    public void useSelected() {
        if (!canUse.get()) {
            return;
        }
        ConnectionProfile shown = selected.get();
        if (shown != null && shown.sandbox()) {
            activate(shown);
        } else {
            save(() -> activate(selected.get()));
        }
    }

    private void activate(ConnectionProfile profile) {
        service.activate(profile.id());
        active.set(profile);
        closeRequested.set(true);
    }

    /** True when the active profile now differs from the one active when the panel opened. */
    public boolean activeChanged() {
        return !initialActiveId.equals(active.get().id());
    }

    private void selectWithoutReload(ConnectionProfile profile) {
        // The form already holds these values and secrets; re-reading the keychain would be wasted.
        ConnectionProfile listed = profiles.stream().filter(p -> p.id().equals(profile.id())).findFirst()
                .orElse(profile);
        if (!listed.equals(selected.get())) {
            keepForm = true;
            try {
                selected.set(listed);
            } finally {
                keepForm = false;
            }
        }
        if (active.get().id().equals(listed.id())) {
            active.set(listed);
        }
    }

    /** Keychain and network calls may block, so they run on the executor; callbacks come back on the FX thread. */
    private <T> void background(String title, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<Throwable> onFailure) {
        BackgroundTask.Work<T> task = progress -> work.call();
        (title == null ? BackgroundTask.quiet(task) : BackgroundTask.titled(title, task))
                .onSuccess(onSuccess).onFailure(onFailure).executeWith(executor);
    }

    private void start(String message) {
        busy.set(true);
        status.set(new Status(StatusKind.WORKING, message));
    }

    private void failed(Throwable error) {
        busy.set(false);
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        status.set(new Status(StatusKind.ERROR, message));
    }

    private void showKeychain(KeychainStatus keychain) {
        keychainMessage.set(keychain.userMessage());
        keychainMissing.set(keychain.unavailable());
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ConnectionProfile> selectedProperty() {
        return selected;
    }

    /** The active profile; changes when the user picks "Use this profile" or deletes the active one. */
    public ReadOnlyObjectProperty<ConnectionProfile> activeProperty() {
        return active.getReadOnlyProperty();
    }

    public ProfileForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keychainMessageProperty() {
        return keychainMessage.getReadOnlyProperty();
    }

    /** True when tokens are kept for this session only, so the view can show it as a warning. */
    public ReadOnlyBooleanProperty keychainMissingProperty() {
        return keychainMissing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true once "Use this profile" finished; the view closes then. */
    public ReadOnlyBooleanProperty closeRequestedProperty() {
        return closeRequested.getReadOnlyProperty();
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public BooleanBinding canTest() {
        return canTest;
    }

    public BooleanBinding canDelete() {
        return canDelete;
    }

    public BooleanBinding canUse() {
        return canUse;
    }
}
