package org.dialbook.ui;

import java.util.Objects;
import org.dialbook.api.ContactsApi;

/**
 * The account the window is showing, opened by a {@link ConnectionSource}.
 *
 * @param profileName what the status bar calls it, e.g. "Sandbox" or a profile's name
 * @param location the region ("Singapore", "Mumbai") or, for the sandbox, its address
 * @param sandbox true for the built-in local sandbox
 * @param defaultCountry ISO 3166 code used to read numbers typed without a country code, e.g. "IN"
 * @param resources closed when the window switches away or exits (client, sandbox server)
 */
public record ActiveConnection(
        ContactsApi api, String profileName, String location, boolean sandbox, String defaultCountry,
        AutoCloseable resources, String importDestination) implements AutoCloseable {

    /** Without an import destination: imports then name the profile (tests, and a connection made by hand). */
    public ActiveConnection(ContactsApi api, String profileName, String location, boolean sandbox,
            String defaultCountry, AutoCloseable resources) {
        this(api, profileName, location, sandbox, defaultCountry, resources, null);
    }

    public ActiveConnection {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(location, "location");
        defaultCountry = defaultCountry == null || defaultCountry.isBlank() ? "IN" : defaultCountry;
        resources = resources == null ? () -> { } : resources;
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
