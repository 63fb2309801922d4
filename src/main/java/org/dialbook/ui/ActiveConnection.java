package org.dialbook.ui;

import java.util.Objects;
import org.dialbook.api.ContactsApi;
import org.dialbook.mirror.Mirror;

/**
 * The account the window is showing, opened by a {@link ConnectionSource}.
 *
 * @param profileName what the status bar calls it, e.g. "Sandbox" or a profile's name
 * @param location the region ("Singapore", "Mumbai") or, for the sandbox, its address
 * @param sandbox true for the built-in local sandbox
 * @param defaultCountry ISO 3166 code used to read numbers typed without a country code, e.g. "IN"
 * @param resources closed when the window switches away or exits (client, sandbox server, mirror)
 * @param importDestination where imports go, as the CLI spells it, or null to name the profile
 * @param mirror the account's local mirror, or null when there is none (tests, a mirror that failed)
 */
public record ActiveConnection(
        ContactsApi api, String profileName, String location, boolean sandbox, String defaultCountry,
        AutoCloseable resources, String importDestination, Mirror mirror) implements AutoCloseable {

    /** Without a mirror: search and browsing go to the API only. */
    public ActiveConnection(ContactsApi api, String profileName, String location, boolean sandbox,
            String defaultCountry, AutoCloseable resources) {
        this(api, profileName, location, sandbox, defaultCountry, resources, null, null);
    }

    /** Without an import destination: imports then name the profile (tests, and a connection made by hand). */
    public ActiveConnection(ContactsApi api, String profileName, String location, boolean sandbox,
            String defaultCountry, AutoCloseable resources, Mirror mirror) {
        this(api, profileName, location, sandbox, defaultCountry, resources, null, mirror);
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
