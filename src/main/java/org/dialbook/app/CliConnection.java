package org.dialbook.app;

import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;

/**
 * Where every CLI command gets its account: a saved profile named by {@code --profile}, or else the
 * {@code EXOTEL_*} environment variables; and how a client is built for it. Written once, so
 * {@code contacts}, {@code import}, {@code export} and later commands connect the same way.
 *
 * @param environment the {@code EXOTEL_*} variables (or a test's settings)
 * @param profiles turns a {@code --profile} name into a resolver (the keychain in production)
 * @param clients builds a client for the resolved settings
 */
public record CliConnection(ConnectionResolver environment, Function<String, ConnectionResolver> profiles,
        Function<ConnectionSettings, ContactsClient> clients) {

    public CliConnection {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(profiles, "profiles");
        Objects.requireNonNull(clients, "clients");
    }

    /** The production wiring: the process environment, the saved profiles, and a default client. */
    public static CliConnection fromSystem() {
        return new CliConnection(EnvConnection.fromSystem(),
                name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name),
                settings -> ContactsClient.builder(settings).build());
    }

    /**
     * As {@link #fromSystem()}, for long jobs (import, export): the client waits out an outage of
     * up to {@link ContactsClient#JOB_OUTAGE_PATIENCE} instead of failing the rows still to send.
     */
    public static CliConnection forJobs() {
        return new CliConnection(EnvConnection.fromSystem(),
                name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name),
                settings -> ContactsClient.builder(settings).outagePatience(ContactsClient.JOB_OUTAGE_PATIENCE).build());
    }

    /** Environment and client factory given, profiles from the user's config folder. */
    public static CliConnection of(ConnectionResolver environment, Function<ConnectionSettings, ContactsClient> clients) {
        return new CliConnection(environment, name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name),
                clients);
    }

    /**
     * The settings for {@code profile}, or from the environment when it is null.
     *
     * @throws ConnectionSetupException naming what is missing or wrong
     */
    public ConnectionSettings resolve(String profile) {
        return (profile == null ? environment : profiles.apply(profile)).resolve();
    }

    /**
     * The settings for the command line's {@code --profile} (or the environment), with its
     * {@code --writes-per-minute}/{@code --reads-per-minute} applied over the profile's budgets.
     *
     * @throws ConnectionSetupException naming what is missing or wrong
     */
    public ConnectionSettings resolve(ConnectionOptions options) {
        return options.apply(resolve(options.profile()));
    }

    /** A client for settings already resolved. */
    public ContactsClient open(ConnectionSettings settings) {
        return clients.apply(settings);
    }
}
