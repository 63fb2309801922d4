package org.dialbook.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListsQuery;
import org.dialbook.contact.ControlCharacters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dialbook lists ...}: campaign lists from the command line. Without a subcommand it shows
 * every list with its count. A list is named by its name or its sid everywhere. Connects and exits
 * like {@code dialbook contacts}.
 */
@Command(
        name = "lists",
        mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Show and edit the campaign lists that campaigns dial; without a subcommand, every list "
                + "with its count.",
            "A LIST is named by its name or its sid. Connects like 'dialbook contacts'."},
        subcommands = {
            ListsCommands.Create.class,
            ListsCommands.Rename.class,
            ListsCommands.Delete.class,
            ListsAddCommand.class,
            ListsCommands.Remove.class,
            ListsCommands.Contacts.class
        })
public final class ListsCommand extends CliCommand implements ContactsSubcommand.ClientSource {
    private final CliConnection connection;
    private AppDirs dirs;

    @Mixin
    private ConnectionOptions connectionOptions = new ConnectionOptions();

    public ListsCommand() {
        this(CliConnection.fromSystem());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ListsCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this(CliConnection.of(connection, clients));
    }

    public ListsCommand(CliConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** Points the app's folders (the local mirror) elsewhere, for tests. */
    ListsCommand withDirs(AppDirs value) {
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

    @Override
    int execute(PrintWriter out, PrintWriter err) {
        try (ContactsClient client = openClient()) {
            printTable(client.lists().allLists(ListsQuery.firstPage()), out);
            return OK;
        }
    }

    static void printTable(List<CampaignList> lists, PrintWriter out) {
        if (lists.isEmpty()) {
            out.println("No lists yet. Make one with: dialbook lists create NAME");
            return;
        }
        int name = "NAME".length();
        int count = "CONTACTS".length();
        int tag = "TAG".length();
        for (CampaignList list : lists) {
            name = Math.max(name, oneLine(list.name()).length());
            count = Math.max(count, list.countText().length());
            tag = Math.max(tag, oneLine(list.tag()).length());
        }
        String format = "%-" + name + "s  %" + count + "s  %-" + tag + "s  %s";
        out.println(String.format(format, "NAME", "CONTACTS", "TAG", "SID").stripTrailing());
        for (CampaignList list : lists) {
            out.println(String.format(format, oneLine(list.name()), list.countText(), oneLine(list.tag()), list.sid())
                    .stripTrailing());
        }
    }

    /** A name or tag on one line, with any control character escaped, never sent raw to the terminal. */
    private static String oneLine(String text) {
        return text == null ? "" : ControlCharacters.escape(text.replaceAll("[\\r\\n\\t]+", " "));
    }
}
