package org.dialbook.credentials;

import java.util.Optional;

/**
 * The few keychain operations {@link KeyringSecretStore} needs: the seam between it and
 * java-keyring, so the fallback can be tested with a backend that fails the way real ones do.
 * Any failure is an exception, possibly a bare RuntimeException (a locked Secret Service with no
 * display to prompt on makes java-keyring throw NullPointerException).
 */
public interface KeyringBackend {

    /** @return the secret, or empty when there is no entry */
    Optional<String> get(String service, String account) throws Exception;

    void set(String service, String account, String secret) throws Exception;

    /** Removes the entry; absent is fine. */
    void delete(String service, String account) throws Exception;

    /** Opens a backend; may take ~0.3 s and fail when there is no keychain. */
    @FunctionalInterface
    interface Opener {
        KeyringBackend open() throws Exception;
    }
}
