package org.dialbook.credentials;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The OS keychain through java-keyring 1.0.4: Secret Service on Linux, Keychain on macOS,
 * Credential Manager on Windows.
 */
final class JavaKeyringBackend implements KeyringBackend {
    private final Keyring keyring;

    private JavaKeyringBackend(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Throws BackendNotSupportedException when the OS has no keychain (no Secret Service on Linux). */
    static KeyringBackend open() throws Exception {
        return new JavaKeyringBackend(Keyring.create());
    }

    @Override
    public Optional<String> get(String service, String account) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, account));
        } catch (PasswordAccessException missing) {
            // java-keyring reports "no such entry" only this way ("No stored credentials match ...").
            return Optional.empty();
        }
    }

    @Override
    public void set(String service, String account, String secret) throws PasswordAccessException {
        keyring.setPassword(service, account, secret);
    }

    @Override
    public void delete(String service, String account) throws PasswordAccessException {
        if (get(service, account).isPresent()) {
            keyring.deletePassword(service, account);
        }
    }
}
