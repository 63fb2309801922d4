package org.dialbook.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.dialbook.api.ConnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection profiles the app offers: the built-in Sandbox first, then the saved ones. It
 * keeps profiles in a {@link ProfileStore} and their key and token in a {@link SecretStore}, tracks
 * the active profile, and turns a profile into {@link ConnectionSettings}.
 *
 * <p>Secret-store calls may block (the OS keychain), so call the methods that take or return
 * secrets from a background thread. Active-profile listeners run on the thread that changed it.
 */
public final class ProfileService {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileService.class);

    private final ProfileStore store;
    private final SecretStore secrets;
    private final Supplier<ConnectionSettings> sandboxSettings;
    private final ConnectionProfile sandbox = ConnectionProfile.builtInSandbox();
    private final List<Consumer<ConnectionProfile>> activeListeners = new CopyOnWriteArrayList<>();
    private final List<ConnectionProfile> saved = new ArrayList<>();
    private final Optional<String> loadProblem;
    private String activeId;

    /**
     * @param sandboxSettings the in-process sandbox's settings; called only when the sandbox
     *     profile is used, so the app can start the sandbox lazily
     */
    public ProfileService(ProfileStore store, SecretStore secrets, Supplier<ConnectionSettings> sandboxSettings) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.sandboxSettings = Objects.requireNonNull(sandboxSettings, "sandboxSettings");
        ProfileStore.Snapshot snapshot = store.load();
        saved.addAll(snapshot.profiles());
        activeId = snapshot.activeProfileId() == null ? ConnectionProfile.SANDBOX_ID : snapshot.activeProfileId();
        loadProblem = snapshot.problem();
    }

    /** A message for the user when the saved profiles could not be read at start-up. */
    public Optional<String> loadProblem() {
        return loadProblem;
    }

    /** The sandbox first, then the saved profiles in the order they were added. */
    public synchronized List<ConnectionProfile> profiles() {
        List<ConnectionProfile> all = new ArrayList<>(saved.size() + 1);
        all.add(sandbox);
        all.addAll(saved);
        return List.copyOf(all);
    }

    public synchronized Optional<ConnectionProfile> find(String id) {
        return profiles().stream().filter(profile -> profile.id().equals(id)).findFirst();
    }

    /** Case-insensitive, as typed after {@code --profile}. */
    public synchronized Optional<ConnectionProfile> findByName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return profiles().stream().filter(profile -> profile.name().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    public synchronized ConnectionProfile activeProfile() {
        return find(activeId).orElse(sandbox);
    }

    /** Makes the profile active, saves that choice, and tells the listeners. */
    public void activate(String id) {
        ConnectionProfile profile;
        synchronized (this) {
            profile = find(id).orElseThrow(() -> new IllegalArgumentException("There is no profile with id " + id));
            if (profile.id().equals(activeId)) {
                return;
            }
            activeId = profile.id();
            persist();
        }
        LOG.info("Active connection profile is now '{}' ({})", profile.name(), profile.whereLabel());
        fireActiveChanged(profile);
    }

    /**
     * Adds or replaces a profile (matched by id) and stores its key and token. When the keychain
     * is unavailable they are kept for this session only; the returned status says so.
     *
     * @param credentials may be null when editing a profile without changing its secrets
     * @throws IllegalArgumentException when another profile already has that name
     */
    public KeychainStatus save(ConnectionProfile profile, ApiCredentials credentials) {
        if (profile.sandbox()) {
            throw new IllegalArgumentException("The built-in Sandbox profile cannot be changed");
        }
        checkNameFree(profile);
        // Outside the lock: the keychain may take a while, and readers of the profile list must not wait.
        if (credentials != null) {
            secrets.put(profile.apiKeyEntry(), credentials.apiKey());
            secrets.put(profile.apiTokenEntry(), credentials.apiToken());
        }
        boolean activeChanged;
        synchronized (this) {
            checkNameFree(profile);
            int index = indexOf(profile.id());
            if (index >= 0) {
                saved.set(index, profile);
            } else {
                saved.add(profile);
            }
            persist();
            activeChanged = profile.id().equals(activeId);
        }
        if (activeChanged) {
            // Editing the active profile (say, its region) must reload what is shown.
            fireActiveChanged(profile);
        }
        return secrets.status();
    }

    private synchronized void checkNameFree(ConnectionProfile profile) {
        findByName(profile.name()).filter(other -> !other.id().equals(profile.id())).ifPresent(other -> {
            throw new IllegalArgumentException("A profile named '" + other.name() + "' already exists");
        });
    }

    /** Removes the profile and its secrets; deleting the active one makes the sandbox active. */
    public void delete(String id) {
        boolean wasActive;
        ConnectionProfile removed;
        synchronized (this) {
            int index = indexOf(id);
            if (index < 0) {
                throw new IllegalArgumentException(ConnectionProfile.SANDBOX_ID.equals(id)
                        ? "The built-in Sandbox profile cannot be deleted" : "There is no profile with id " + id);
            }
            removed = saved.remove(index);
            wasActive = id.equals(activeId);
            if (wasActive) {
                activeId = ConnectionProfile.SANDBOX_ID;
            }
            persist();
        }
        secrets.delete(removed.apiKeyEntry());
        secrets.delete(removed.apiTokenEntry());
        if (wasActive) {
            fireActiveChanged(sandbox);
        }
    }

    /** The stored key and token, if both are there. Blocks on the keychain. */
    public Optional<ApiCredentials> credentials(ConnectionProfile profile) {
        if (profile.sandbox()) {
            return Optional.empty();
        }
        Optional<String> key = secrets.get(profile.apiKeyEntry());
        Optional<String> token = secrets.get(profile.apiTokenEntry());
        if (key.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiCredentials(key.get(), token.get()));
    }

    /**
     * What the client needs to call this profile's account. Blocks on the keychain.
     *
     * @throws MissingCredentialsException when no key or token is stored for it
     */
    public ConnectionSettings settingsFor(ConnectionProfile profile) {
        if (profile.sandbox()) {
            return sandboxSettings.get();
        }
        ApiCredentials stored = credentials(profile).orElseThrow(() -> new MissingCredentialsException(profile.name(),
                "No API key and token are stored for the profile '" + profile.name() + "'"
                        + (secrets.status().unavailable() ? " (" + secrets.status().userMessage() + ")" : "")
                        + ". Open Connection profiles and enter them again."));
        return settingsFor(profile, stored);
    }

    /** For "Test connection" before saving: the profile's address with the credentials typed in. */
    public static ConnectionSettings settingsFor(ConnectionProfile profile, ApiCredentials credentials) {
        if (profile.sandbox()) {
            throw new IllegalArgumentException("The sandbox profile's settings come from the running sandbox");
        }
        return ConnectionSettings.forBaseUrl(profile.baseUrl(), profile.accountSid(), credentials.apiKey(),
                credentials.apiToken()).withBudgets(profile.writesPerMinute(), profile.readsPerMinute());
    }

    public ConnectionSettings activeSettings() {
        return settingsFor(activeProfile());
    }

    public KeychainStatus keychainStatus() {
        return secrets.status();
    }

    /** Opens the keychain if not yet done, so the UI can say early whether tokens will last. Blocks. */
    public KeychainStatus probeKeychain() {
        return secrets.probe();
    }

    /** Called with the newly active profile, on the thread that activated it. */
    public void addActiveProfileListener(Consumer<ConnectionProfile> listener) {
        activeListeners.add(listener);
    }

    public void removeActiveProfileListener(Consumer<ConnectionProfile> listener) {
        activeListeners.remove(listener);
    }

    private void fireActiveChanged(ConnectionProfile profile) {
        for (Consumer<ConnectionProfile> listener : activeListeners) {
            listener.accept(profile);
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void persist() {
        store.save(saved, activeId);
    }
}
