package org.dialbook.credentials;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keychain in a map that can be told to fail the way real backends do. */
final class FakeKeyringBackend implements KeyringBackend {
    final Map<String, String> entries = new HashMap<>();
    RuntimeException failOnSet;
    RuntimeException failOnGet;

    @Override
    public Optional<String> get(String service, String account) {
        if (failOnGet != null) {
            throw failOnGet;
        }
        return Optional.ofNullable(entries.get(service + "|" + account));
    }

    @Override
    public void set(String service, String account, String secret) {
        if (failOnSet != null) {
            throw failOnSet;
        }
        entries.put(service + "|" + account, secret);
    }

    @Override
    public void delete(String service, String account) {
        entries.remove(service + "|" + account);
    }
}
