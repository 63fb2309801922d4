package org.dialbook.credentials;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Secrets in memory, gone when the app exits: the fallback when there is no usable keychain. */
public final class SessionSecretStore implements SecretStore {
    private final Map<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String entry) {
        return Optional.ofNullable(secrets.get(entry));
    }

    @Override
    public void put(String entry, String secret) {
        secrets.put(entry, secret);
    }

    @Override
    public void delete(String entry) {
        secrets.remove(entry);
    }

    boolean contains(String entry) {
        return secrets.containsKey(entry);
    }

    @Override
    public KeychainStatus status() {
        return KeychainStatus.unavailable("kept in memory for this session only");
    }

    @Override
    public String toString() {
        return "SessionSecretStore[" + secrets.size() + " entries]";
    }
}
