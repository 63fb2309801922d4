package org.dialbook.app;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.dialbook.api.ApiException;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListUpdate;
import org.dialbook.api.NewList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The small {@code dialbook lists} subcommands; {@code add} has its own class. */
final class ListsCommands {
    private ListsCommands() {
    }

    /** {@code lists create NAME [--tag T]}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Make a list; names are unique.")
    static final class Create extends ContactsSubcommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "The new list's name.")
        String name;

        @Option(names = "--tag", paramLabel = "T", description = "An optional tag for the list.")
        String tag;

        @Override
        void validate() {
            if (name == null || name.isBlank()) {
                throw new UsageException("Give the list a name: dialbook lists create NAME");
            }
        }

        @Override
        int run(ContactsClient client, PrintWriter out, PrintWriter err) {
            CampaignList list = client.lists().createList(new NewList(name, tag));
            MirrorCli.remember(dirs(), client, mirror -> mirror.created(list));
            out.println("Created list '" + list.name() + "' (" + list.sid() + ")");
            return OK;
        }
    }

    /** {@code lists rename LIST NEW_NAME}. */
    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a list.")
    static final class Rename extends ContactsSubcommand {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list's name or sid.")
        String list;

        @Parameters(index = "1", paramLabel = "NEW_NAME", description = "Its new name.")
        String newName;

        @Override
        void validate() {
            if (newName == null || newName.isBlank()) {
                throw new UsageException("The new name cannot be blank");
            }
        }

        @Override
        int run(ContactsClient client, PrintWriter out, PrintWriter err) {
            CampaignList found = client.lists().resolve(list);
            CampaignList renamed = client.lists().updateList(new ListUpdate(found.sid(), newName, null));
            MirrorCli.remember(dirs(), client, mirror -> mirror.put(renamed));
            out.println("Renamed list '" + found.name() + "' to '" + renamed.name() + "'");
            return OK;
        }
    }

    /** {@code lists delete LIST}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a list. Its contacts stay in the book.")
    static final class Delete extends ContactsSubcommand {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list's name or sid.")
        String list;

        @Override
        int run(ContactsClient client, PrintWriter out, PrintWriter err) {
            CampaignList found = client.lists().resolve(list);
            client.lists().deleteList(found.sid());
            MirrorCli.remember(dirs(), client, mirror -> mirror.deleted(found.sid()));
            out.println("Deleted list '" + found.name() + "'; its " + found.countText()
                    + " contacts stay in the book.");
            return OK;
        }
    }

    /** {@code lists remove LIST CONTACT_SID...}. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Take contacts out of a list. They stay in the book.")
    static final class Remove extends ContactsSubcommand {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list's name or sid.")
        String list;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CONTACT_SID", description = "Contacts to take out.")
        List<String> contactSids;

        @Override
        int run(ContactsClient client, PrintWriter out, PrintWriter err) {
            CampaignList found = client.lists().resolve(list);
            int failed = 0;
            List<String> removed = new ArrayList<>();
            for (String sid : contactSids) {
                try {
                    client.lists().removeContact(found.sid(), sid);
                    removed.add(sid);
                    out.println("Removed " + sid + " from '" + found.name() + "'");
                } catch (ApiException e) {
                    err.println(sid + ": " + e.getMessage());
                    failed++;
                }
            }
            MirrorCli.remember(dirs(), client, mirror -> mirror.removed(found.sid(), removed));
            return failed == 0 ? OK : FAILED;
        }
    }

    /** {@code lists contacts LIST [--format table|json|csv]}. */
    @Command(name = "contacts", mixinStandardHelpOptions = true, description = "Print every contact of a list.")
    static final class Contacts extends ContactsSubcommand {
        @Parameters(index = "0", paramLabel = "LIST", description = "The list's name or sid.")
        String list;

        @Option(names = "--format", paramLabel = "table|json|csv",
                description = "Output format (default table). json prints the contacts exactly as the API returns "
                        + "them.")
        ContactOutput.Format format = ContactOutput.Format.TABLE;

        @Override
        int run(ContactsClient client, PrintWriter out, PrintWriter err) {
            CampaignList found = client.lists().resolve(list);
            List<JsonObject> contacts = client.lists().streamContactsJson(found.sid()).toList();
            ContactOutput.print(contacts, format, out);
            return OK;
        }
    }
}
