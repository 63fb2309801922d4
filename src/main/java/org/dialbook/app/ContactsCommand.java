package org.dialbook.app;

import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code dialbook contacts ...}: the six API calls from the command line. Exit codes: 0 when
 * everything succeeded, 1 when the API refused something or any item failed, 2 for bad usage or a
 * missing setting.
 */
@Command(
        name = "contacts",
        mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"List, read, create, update and delete Exotel contacts.",
            "Connects with --profile NAME (a profile saved in the desktop app, token from the OS keychain), or "
                + "else with EXOTEL_API_KEY, EXOTEL_API_TOKEN, EXOTEL_ACCOUNT_SID and EXOTEL_REGION "
                + "(singapore|mumbai, default singapore) or EXOTEL_BASE_URL."},
        subcommands = {
            ListContactsCommand.class,
            GetContactCommand.class,
            CreateContactCommand.class,
            UpdateContactCommand.class,
            DeleteContactsCommand.class,
            BulkUpdateCommand.class
        })
public final class ContactsCommand implements ContactsSubcommand.ClientSource {
    private final ConnectionResolver connection;
    private final Function<String, ConnectionResolver> profiles;
    private final Function<ConnectionSettings, ContactsClient> clients;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Use the connection profile saved under this name in the desktop app (its API key and "
                    + "token come from the OS keychain) instead of the EXOTEL_* variables.")
    private String profile;

    /** The production wiring: the process environment, saved profiles, and a default client. */
    public ContactsCommand() {
        this(EnvConnection.fromSystem(), settings -> ContactsClient.builder(settings).build());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ContactsCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this(connection, name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name), clients);
    }

    /** The test seam with profiles: {@code profiles} turns a {@code --profile} name into a resolver. */
    public ContactsCommand(ConnectionResolver connection, Function<String, ConnectionResolver> profiles,
            Function<ConnectionSettings, ContactsClient> clients) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public ContactsClient openClient() {
        ConnectionResolver resolver = profile == null ? connection : profiles.apply(profile);
        return clients.apply(resolver.resolve());
    }
}
