package org.dialbook.app;

import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
            BulkUpdateCommand.class,
            FindContactsCommand.class
        })
public final class ContactsCommand implements ContactsSubcommand.ClientSource {
    private final CliConnection connection;
    private AppDirs dirs;

    @Mixin
    private ConnectionOptions connectionOptions = new ConnectionOptions();

    /** The production wiring: the process environment, saved profiles, and a default client. */
    public ContactsCommand() {
        this(CliConnection.fromSystem());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ContactsCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this(CliConnection.of(connection, clients));
    }

    /** The test seam with profiles: {@code profiles} turns a {@code --profile} name into a resolver. */
    public ContactsCommand(ConnectionResolver connection, Function<String, ConnectionResolver> profiles,
            Function<ConnectionSettings, ContactsClient> clients) {
        this(new CliConnection(connection, profiles, clients));
    }

    public ContactsCommand(CliConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Where the local mirror lives ({@code find}); tests point it at a temporary folder. */
    ContactsCommand withDirs(AppDirs value) {
        this.dirs = Objects.requireNonNull(value, "dirs");
        return this;
    }

    @Override
    public AppDirs dirs() {
        return dirs == null ? AppDirs.fromEnvironment() : dirs;
    }

    @Override
    public ContactsClient openClient() {
        return connection.open(connection.resolve(connectionOptions));
    }
}
