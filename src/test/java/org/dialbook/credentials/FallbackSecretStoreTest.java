package org.dialbook.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.javakeyring.BackendNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackSecretStoreTest {
    private final FakeKeyringBackend backend = new FakeKeyringBackend();
    private final SessionSecretStore session = new SessionSecretStore();

    @Test
    void aWorkingKeychainHoldsTheSecretAndMemoryDoesNot() {
        FallbackSecretStore store = new FallbackSecretStore(new KeyringSecretStore("Test", () -> backend), session);

        store.put("p/api-token", "tok-1");

        assertThat(backend.entries).containsEntry("Test|p/api-token", "tok-1");
        assertThat(session.contains("p/api-token")).isFalse();
        assertThat(store.get("p/api-token")).contains("tok-1");
        assertThat(store.status()).isEqualTo(KeychainStatus.AVAILABLE);
        store.delete("p/api-token");
        assertThat(backend.entries).isEmpty();
    }

    @Test
    void noSecretServiceFallsBackToThisSessionWithTheReason() {
        List<KeychainStatus> seen = new ArrayList<>();
        FallbackSecretStore store = new FallbackSecretStore(new KeyringSecretStore("Test", () -> {
            throw new BackendNotSupportedException("No available keyring backend found");
        }), session);
        store.addStatusListener(seen::add);

        store.put("p/api-token", "tok-1");

        assertThat(store.get("p/api-token")).contains("tok-1");
        assertThat(store.status().unavailable()).isTrue();
        assertThat(store.status().reason()).contains("no keychain service is running");
        assertThat(store.status().userMessage())
                .startsWith("No keychain available — your token is kept for this session only");
        assertThat(seen).containsExactly(store.status());
    }

    @Test
    void aLockedKeyringThrowingBareNullPointerExceptionStillWorks() {
        backend.failOnSet = new NullPointerException();
        FallbackSecretStore store = new FallbackSecretStore(new KeyringSecretStore("Test", () -> backend), session);

        store.put("p/api-token", "tok-1");

        assertThat(store.get("p/api-token")).contains("tok-1");
        assertThat(store.status().reason()).isEqualTo("the keychain is locked and could not be unlocked");
        assertThat(backend.entries).isEmpty();
    }

    @Test
    void aFailureIsNotRetriedForTheRestOfTheSession() {
        backend.failOnGet = new IllegalStateException("D-Bus went away");
        FallbackSecretStore store = new FallbackSecretStore(new KeyringSecretStore("Test", () -> backend), session);

        assertThat(store.probe().reason()).isEqualTo("IllegalStateException: D-Bus went away");
        backend.failOnGet = null;
        store.put("p/api-token", "tok-2");

        assertThat(backend.entries).isEmpty();
        assertThat(store.get("p/api-token")).contains("tok-2");
    }

    @Test
    void aSecretInALibraryMessageIsBlankedOut() {
        backend.failOnSet = new IllegalArgumentException("refused to store tok-LEAK for you");
        KeyringSecretStore keyring = new KeyringSecretStore("Test", () -> backend);
        FallbackSecretStore store = new FallbackSecretStore(keyring, session);

        store.put("p/api-token", "tok-LEAK");

        assertThat(store.status().reason()).doesNotContain("tok-LEAK").contains("***");
        assertThat(keyring.status().reason()).doesNotContain("tok-LEAK");
    }

    @Test
    void aKeychainThatCannotBeOpenedIsTriedOnlyOnce() {
        int[] attempts = {0};
        KeyringSecretStore keyring = new KeyringSecretStore("Test", () -> {
            attempts[0]++;
            throw new BackendNotSupportedException("No available keyring backend found");
        });

        assertThat(keyring.probe().unavailable()).isTrue();
        assertThat(keyring.probe().unavailable()).isTrue();
        assertThrows(SecretStoreException.class, () -> keyring.get("a"));

        assertThat(attempts[0]).isEqualTo(1);
    }

    @Test
    void probeOpensTheKeychainOnce() {
        int[] opened = {0};
        FallbackSecretStore store = new FallbackSecretStore(new KeyringSecretStore("Test", () -> {
            opened[0]++;
            return backend;
        }), session);

        assertThat(store.probe()).isEqualTo(KeychainStatus.AVAILABLE);
        store.put("a", "1");
        store.get("a");

        assertThat(opened[0]).isEqualTo(1);
    }
}
