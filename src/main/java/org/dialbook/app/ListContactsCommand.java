package org.dialbook.app;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.Page;
import org.dialbook.api.SortBy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code contacts list}: one page, or every page with {@code --all}. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = "List contacts, one page or all of them.")
final class ListContactsCommand extends ContactsSubcommand {
    @Option(names = "--offset", paramLabel = "N", description = "Zero-based position of the first contact (default 0).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", description = "Contacts per page, 1 to 20 (default 20).")
    int limit = ListQuery.MAX_LIMIT;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only names containing TEXT (any case).")
    String name;

    @Option(names = "--sort-by", paramLabel = "FIELD:asc|desc",
            description = "date_created or name, with :asc or :desc (default date_created:asc).")
    String sortBy;

    @Option(names = "--all", description = "Walk every page from --offset to the end.")
    boolean all;

    @Option(names = "--format", paramLabel = "table|json|csv",
            description = "Output format (default table). json prints the contacts exactly as the API returns them.")
    ContactOutput.Format format = ContactOutput.Format.TABLE;

    private ListQuery query;

    @Override
    void validate() {
        try {
            query = ListQuery.firstPage().withOffset(offset).withLimit(limit).withName(name)
                    .withSortBy(sortBy == null ? SortBy.DEFAULT : SortBy.parse(sortBy));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("sort_by", "--sort-by").replace("limit must", "--limit must")
                    .replace("offset must", "--offset must"));
        }
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        List<JsonObject> contacts;
        if (all) {
            contacts = client.streamContactsJson(query).toList();
        } else {
            Page<JsonObject> page = client.listContactsJson(query);
            contacts = page.items();
            if (format == ContactOutput.Format.TABLE) {
                ContactOutput.print(contacts, format, out);
                out.println(footer(page));
                return OK;
            }
        }
        ContactOutput.print(contacts, format, out);
        return OK;
    }

    private static String footer(Page<JsonObject> page) {
        if (page.items().isEmpty()) {
            return "No contacts at offset " + page.offset() + " of " + page.total() + ".";
        }
        return "Contacts " + (page.offset() + 1) + "-" + page.nextOffset() + " of " + page.total()
                + (page.hasNext() ? "; next page: --offset " + page.nextOffset() : "") + ".";
    }
}
