package org.dialbook.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secrets in the OS keychain under one service name. The keychain is opened on first use (about
 * 0.3 s on Linux) and each call may block, so call it off the FX thread. Every failure becomes a
 * {@link SecretStoreException} whose message says why in plain words and never contains a secret.
 */
public final class KeyringSecretStore implements SecretStore {
    /** The service name entries are filed under in the keychain. */
    public static final String DEFAULT_SERVICE = "Dialbook";

    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final String service;
    private final KeyringBackend.Opener opener;
    private KeyringBackend backend;
    /** Why opening failed; kept so a missing keychain costs its ~0.2-2 s timeout once, not per call. */
    private String openFailure;
    private volatile KeychainStatus status = KeychainStatus.UNKNOWN;

    /** The real OS keychain under {@link #DEFAULT_SERVICE}. */
    public KeyringSecretStore() {
        this(DEFAULT_SERVICE, JavaKeyringBackend::open);
    }

    public KeyringSecretStore(String service) {
        this(service, JavaKeyringBackend::open);
    }

    /** Test seam: any backend, e.g. one failing as a locked keyring does. */
    KeyringSecretStore(String service, KeyringBackend.Opener opener) {
        this.service = service;
        this.opener = opener;
    }

    /** Opens the keychain if not yet done and reports whether it works, without touching any entry. */
    @Override
    public KeychainStatus probe() {
        try {
            backend();
        } catch (SecretStoreException e) {
            // status() now carries the reason.
            LOG.debug("Keychain probe failed: {}", e.getMessage());
        }
        return status;
    }

    @Override
    public Optional<String> get(String entry) {
        KeyringBackend keyring = backend();
        try {
            Optional<String> secret = keyring.get(service, entry);
            status = KeychainStatus.AVAILABLE;
            return secret;
        } catch (Exception e) {
            throw failure("read", entry, e, null);
        }
    }

    @Override
    public void put(String entry, String secret) {
        KeyringBackend keyring = backend();
        try {
            keyring.set(service, entry, secret);
            status = KeychainStatus.AVAILABLE;
        } catch (Exception e) {
            throw failure("save", entry, e, secret);
        }
    }

    @Override
    public void delete(String entry) {
        KeyringBackend keyring = backend();
        try {
            keyring.delete(service, entry);
        } catch (Exception e) {
            throw failure("delete", entry, e, null);
        }
    }

    @Override
    public KeychainStatus status() {
        return status;
    }

    private synchronized KeyringBackend backend() {
        if (backend == null && openFailure == null) {
            try {
                backend = opener.open();
            } catch (Exception e) {
                openFailure = reasonFor(e, null);
                status = KeychainStatus.unavailable(openFailure);
            }
        }
        if (backend == null) {
            throw new SecretStoreException("The system keychain cannot be opened: " + openFailure, null);
        }
        return backend;
    }

    private SecretStoreException failure(String action, String entry, Exception e, String secret) {
        String reason = reasonFor(e, secret);
        status = KeychainStatus.unavailable(reason);
        // The cause is dropped on purpose: a keychain library could put anything in its exceptions.
        return new SecretStoreException("Could not " + action + " '" + entry + "' in the system keychain: " + reason,
                null);
    }

    /** Plain words for what went wrong, with any secret blanked out of library messages. */
    static String reasonFor(Throwable e, String secret) {
        String reason;
        if (e instanceof BackendNotSupportedException) {
            reason = "no keychain service is running (on Linux: no Secret Service such as GNOME Keyring or KWallet)";
        } else if (e instanceof NullPointerException) {
            // What java-keyring throws when the Secret Service is locked and nothing can prompt to unlock it.
            reason = "the keychain is locked and could not be unlocked";
        } else {
            String message = e.getMessage();
            reason = e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
        }
        if (secret != null && !secret.isEmpty()) {
            reason = reason.replace(secret, "***");
        }
        return reason;
    }

    @Override
    public String toString() {
        return "KeyringSecretStore[service=" + service + ", " + status.state() + "]";
    }
}
