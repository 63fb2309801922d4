package org.dialbook.importer;

import org.dialbook.api.ConnectionSettings;

/**
 * Where an import sends its contacts, spelled once for the CLI and the desktop app, so an import
 * interrupted in one is offered for resume in the other (and never into another account). It is
 * recorded in the manifest and compared by {@link ImportManifest#sendsTo}.
 */
public final class ImportDestination {
    /**
     * The desktop app's built-in sandbox: it moves to a new port at each start but keeps its data, so
     * its name leaves the port out.
     */
    public static final String BUILT_IN_SANDBOX = "built-in sandbox";

    private ImportDestination() {
    }

    /** The account and server of {@code settings}: {@code account AC123 at https://api.exotel.com}. */
    public static String of(ConnectionSettings settings) {
        String base = settings.baseUrl().toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return "account " + settings.accountSid() + " at " + base;
    }
}
