package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The one test against the real OS keychain through java-keyring. CI runs it inside
 * {@code dbus-run-session} with an unlocked gnome-keyring (see .ci/run); where no Secret Service
 * exists it is skipped, saying why.
 */
class KeyringSecretStoreTest {

    @Test
    void setGetOverwriteAndDeleteInTheRealKeychain() {
        KeyringSecretStore store = new KeyringSecretStore("Dialbook-test");
        KeychainStatus status = store.probe();
        assumeTrue(!status.unavailable(),
                () -> "No Secret Service (OS keychain) on this machine: " + status.reason()
                        + ". Run inside dbus-run-session with gnome-keyring-daemon --unlock (see .ci/run).");
        String entry = "test-" + UUID.randomUUID() + "/api-token";
        try {
            assertThat(store.get(entry)).isEmpty();

            store.put(entry, "first-token");
            assertThat(store.get(entry)).contains("first-token");

            store.put(entry, "second-token");
            assertThat(store.get(entry)).contains("second-token");
            assertThat(store.status()).isEqualTo(KeychainStatus.AVAILABLE);

            store.delete(entry);
            assertThat(store.get(entry)).isEmpty();
        } finally {
            store.delete(entry);
        }
    }
}
