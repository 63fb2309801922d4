package org.dialbook.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListsQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

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
public final class ListsCommand implements Callable<Integer>, ContactsSubcommand.ClientSource {
    private final ConnectionResolver connection;
    private final Function<String, ConnectionResolver> profiles;
    private final Function<ConnectionSettings, ContactsClient> clients;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Use the connection profile saved under this name in the desktop app.")
    private String profile;

    @Spec
    private CommandSpec spec;

    public ListsCommand() {
        this(EnvConnection.fromSystem(), settings -> ContactsClient.builder(settings).build());
    }

    /** The test seam: where the connection comes from, and how a client is built for it. */
    public ListsCommand(ConnectionResolver connection, Function<ConnectionSettings, ContactsClient> clients) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.profiles = name -> ProfileConnection.fromAppDirs(AppDirs.fromEnvironment(), name);
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    @Override
    public ContactsClient openClient() {
        ConnectionResolver resolver = profile == null ? connection : profiles.apply(profile);
        return clients.apply(resolver.resolve());
    }

    @Override
    public Integer call() {
        return ContactsSubcommand.framed(this, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (client, out, err) -> {
                    List<CampaignList> lists = client.lists().allLists(ListsQuery.firstPage());
                    printTable(lists, out);
                    return ContactsSubcommand.OK;
                });
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

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ");
    }
}
