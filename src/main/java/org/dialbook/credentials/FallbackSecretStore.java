package org.dialbook.credentials;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keychain when it works, memory for this session when it does not. Once the keychain failed
 * (none installed, locked, refused) the rest of the session uses memory only, and {@link #status()}
 * says why so the UI can tell the user "No keychain available — your token is kept for this
 * session only". The app keeps working either way.
 */
public final class FallbackSecretStore implements SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackSecretStore.class);

    private final SecretStore keychain;
    private final SessionSecretStore session;
    private final List<Consumer<KeychainStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile KeychainStatus status = KeychainStatus.UNKNOWN;

    public FallbackSecretStore(SecretStore keychain, SessionSecretStore session) {
        this.keychain = keychain;
        this.session = session;
    }

    /** The OS keychain with an in-memory fallback: what the app uses. */
    public static FallbackSecretStore withSystemKeychain() {
        return new FallbackSecretStore(new KeyringSecretStore(), new SessionSecretStore());
    }

    /** Tries the keychain once (opening it, reading one entry) so the UI can show the status early. */
    @Override
    public KeychainStatus probe() {
        if (status.state() == KeychainStatus.State.UNKNOWN) {
            get(".probe");
        }
        return status;
    }

    @Override
    public Optional<String> get(String entry) {
        Optional<String> inSession = session.get(entry);
        if (inSession.isPresent() || status.unavailable()) {
            return inSession;
        }
        try {
            Optional<String> secret = keychain.get(entry);
            markAvailable();
            return secret;
        } catch (RuntimeException e) {
            fallBack(e, null);
            return Optional.empty();
        }
    }

    @Override
    public void put(String entry, String secret) {
        if (!status.unavailable()) {
            try {
                keychain.put(entry, secret);
                session.delete(entry);
                markAvailable();
                return;
            } catch (RuntimeException e) {
                // Falls through: the secret is kept in memory so the app still works this session.
                fallBack(e, secret);
            }
        }
        session.put(entry, secret);
    }

    @Override
    public void delete(String entry) {
        session.delete(entry);
        if (status.unavailable()) {
            return;
        }
        try {
            keychain.delete(entry);
        } catch (RuntimeException e) {
            fallBack(e, null);
        }
    }

    @Override
    public KeychainStatus status() {
        return status;
    }

    /** Called with the new status on the thread that changed it (usually a background one). */
    public void addStatusListener(Consumer<KeychainStatus> listener) {
        listeners.add(listener);
    }

    private void markAvailable() {
        if (!status.available()) {
            setStatus(KeychainStatus.AVAILABLE);
        }
    }

    private void fallBack(RuntimeException e, String secret) {
        // RuntimeException, not only SecretStoreException: java-keyring throws a bare
        // NullPointerException for a locked keyring, and other backends may do likewise.
        String reason = e instanceof SecretStoreException && keychain.status().unavailable()
                ? keychain.status().reason()
                : KeyringSecretStore.reasonFor(e, secret);
        LOG.warn("System keychain not usable ({}); API tokens are kept in memory for this session only", reason);
        setStatus(KeychainStatus.unavailable(reason));
    }

    private void setStatus(KeychainStatus newStatus) {
        status = newStatus;
        for (Consumer<KeychainStatus> listener : listeners) {
            listener.accept(newStatus);
        }
    }
}
