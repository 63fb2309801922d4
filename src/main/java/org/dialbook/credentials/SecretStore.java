package org.dialbook.credentials;

import java.util.Optional;

/**
 * Where secrets live, by entry name (such as {@code <profileId>/api-token}). Implementations may
 * block for a few hundred milliseconds (the OS keychain talks D-Bus or a native API), so UI code
 * calls them from a background task, never on the FX thread.
 */
public interface SecretStore {

    /** @return the secret, or empty when there is no such entry */
    Optional<String> get(String entry);

    void put(String entry, String secret);

    /** Removes the entry; an entry that does not exist is not an error. */
    void delete(String entry);

    /** Whether secrets survive a restart, and if not, why. */
    KeychainStatus status();

    /** Tries the store once if not yet done (may block like any call), then reports {@link #status()}. */
    default KeychainStatus probe() {
        return status();
    }
}
