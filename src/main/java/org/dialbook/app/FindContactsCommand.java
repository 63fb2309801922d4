package org.dialbook.app;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dialbook.api.ApiException;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ContactsClient;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorException;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorStatus;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code contacts find}: searches the local mirror, by any part of a number, name, company, e-mail,
 * tag or custom value. Reads no contacts from the API once the mirror is complete; a mirror that has
 * never been completed is synced first (or, with {@code --offline}, searched as it is, saying so).
 */
@Command(name = "find", mixinStandardHelpOptions = true, versionProvider = Dialbook.Version.class,
        description = {"Find contacts by any part of their number (any format), name, company, e-mail, tag or "
                + "custom values, in the local mirror of the account ('dialbook sync' keeps it up to date)."})
final class FindContactsCommand extends ContactsSubcommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY",
            description = "Text to find; a number may be written with or without +, spaces or dashes.")
    String text;

    @Option(names = "--tag", paramLabel = "T", description = "Only contacts whose tag is T (any case).")
    String tag;

    @Option(names = "--company", paramLabel = "C", description = "Only contacts whose company is C (any case).")
    String company;

    @Option(names = "--list", paramLabel = "L", description = "Only contacts in the list named L (or with sid L).")
    String list;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N matches (default 0).")
    int offset;

    @Option(names = "--limit", paramLabel = "N", description = "At most N matches (default 100).")
    int limit = 100;

    @Option(names = "--all", description = "Every match, however many.")
    boolean all;

    @Option(names = "--offline", description = "Never call the API: search the mirror as it is.")
    boolean offline;

    @Option(names = "--format", paramLabel = "table|json|csv",
            description = "Output format (default table). json prints the API's contact objects, as 'contacts list'.")
    ContactOutput.Format format = ContactOutput.Format.TABLE;

    private MirrorQuery query;

    @Override
    void validate() {
        if (offset < 0) {
            throw new UsageException("--offset must be >= 0, got " + offset);
        }
        if (limit < 1) {
            throw new UsageException("--limit must be >= 1, got " + limit);
        }
        query = MirrorQuery.text(text).withTag(tag).withCompany(company).withList(list);
        if (query.isEmpty()) {
            throw new UsageException("Give a QUERY, or --tag, --company or --list");
        }
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        try (Mirror mirror = MirrorCli.open(dirs(), client, err)) {
            if (!offline && !mirror.status().complete()) {
                err.println("The local mirror of this account is not complete; syncing it first.");
                MirrorSync.Result result = MirrorCli.sync(mirror, client, MirrorSync.Mode.INCREMENTAL,
                        ReadGate.DEFAULT_SHARE_PERCENT, System.console() != null, err);
                if (result.cancelled()) {
                    return 130;
                }
            }
            MirrorQuery search = query;
            if (list != null) {
                Optional<CampaignList> named = mirror.lists().find(list);
                if (named.isEmpty()) {
                    err.println("Error: the local mirror has no list named '" + list + "'. See 'dialbook lists', or run "
                            + "'dialbook sync' if it was made elsewhere.");
                    return FAILED;
                }
                search = query.withList(named.get().sid());
            }
            MirrorStatus status = mirror.status();
            status.coverage().ifPresent(note -> err.println("Note: " + note + " Run 'dialbook sync' to finish."));
            List<JsonObject> page = mirror.searchJson(search, offset, all ? -1 : limit);
            ContactOutput.print(page, format, out);
            if (format == ContactOutput.Format.TABLE) {
                out.println(footer(mirror.count(search), page.size()));
            }
            return OK;
        } catch (ApiException e) {
            err.println("Error: " + e.getMessage() + ". Add --offline to search the mirror as it is.");
            return FAILED;
        } catch (MirrorException e) {
            err.println("Error: " + e.getMessage());
            return FAILED;
        }
    }

    private String footer(long total, int shown) {
        if (total == 0) {
            return "No contacts match.";
        }
        String text = String.format(Locale.ROOT, "%,d of %,d matching contacts", shown, total);
        return offset + shown < total
                ? text + String.format(Locale.ROOT, "; more with --offset %d or --all.", offset + shown) : text + ".";
    }
}
