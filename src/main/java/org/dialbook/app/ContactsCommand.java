package org.dialbook.app;

import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import picocli.CommandLine.Command;

/**
 * {@code dialbook contacts ...}: the six API calls from the command line. Exit codes: 0 when
 * everything succeeded, 1 when the API refused something or any item failed, 2 for bad usage or a
 * missing setting.
 */
@Command(
        name = "contacts",
        mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"List, read, create, update and delete Exotel contacts.",
            "Connects with EXOTEL_API_KEY, EXOTEL_API_TOKEN, EXOTEL_ACCOUNT_SID and EXOTEL_REGION "
                + "(singapore|mumbai, default singapore) or EXOTEL_BASE_URL."},
        subcommands = {
            ListContactsCommand.class,
            GetContactCommand.class,
            CreateContactCommand.class,
            UpdateContactCommand.class,
            DeleteContactsCommand.class,
            BulkUpdateCommand.class
        })
public final class ContactsCommand {
    private final ConnectionResolver connection;
    private final Function<ConnectionSettings, ContactsClient> clients;

    /** The production wiring: the process environment and a default client. */
    public ContactsCommand() {
        this(EnvConnection.fromSystem(), settings -> ContactsClient.builder(settings).build());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ContactsCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    ContactsClient openClient() {
        return clients.apply(connection.resolve());
    }
}
