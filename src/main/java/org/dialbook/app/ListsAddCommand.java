package org.dialbook.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.dialbook.api.BulkResult;
import org.dialbook.api.CampaignList;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListMember;
import org.dialbook.api.ListQuery;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lists add LIST (--sids FILE | --find QUERY | --tag T)}. {@code --find} searches the local
 * mirror (any field) when one exists, else the API's name search (a case-insensitive part of the
 * first or last name). {@code --tag} walks the account, since the API has no tag filter.
 */
@Command(name = "add", mixinStandardHelpOptions = true, description = "Add contacts to a list.")
final class ListsAddCommand extends ContactsSubcommand {
    @Parameters(index = "0", paramLabel = "LIST", description = "The list's name or sid.")
    String list;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** Exactly one way to choose the contacts. */
    static final class Source {
        @Option(names = "--sids", paramLabel = "FILE", description = "A file of contact sids, one a line "
                + "(blank lines, '#' comments and a 'sid' header are skipped; the first CSV field is used).")
        Path sids;

        @Option(names = "--find", paramLabel = "QUERY", description = "Contacts matching QUERY: any part of "
                + "any field in the local mirror ('dialbook sync' makes it), else of the first or last name.")
        String find;

        @Option(names = "--tag", paramLabel = "T", description = "Contacts whose tag is T (any case).")
        String tag;
    }

    @Override
    int run(ContactsClient client, PrintWriter out, PrintWriter err) {
        List<String> sids = chosen(client);
        CampaignList found = client.lists().resolve(list);
        if (sids.isEmpty()) {
            out.println("No contacts matched; list '" + found.name() + "' is unchanged.");
            return OK;
        }
        BulkResult<ListMember> result = client.lists().addContacts(found.sid(), sids);
        List<String> added = result.successes().stream().map(item -> sids.get(item.index())).toList();
        MirrorCli.remember(dirs(), client, mirror -> mirror.added(found.sid(), added));
        for (ItemOutcome<ListMember> outcome : result.items()) {
            if (!outcome.succeeded()) {
                err.println(sids.get(outcome.index()) + ": " + (outcome.status() == ItemOutcome.Status.UNKNOWN
                        ? "outcome unknown, " : "") + ContactOutput.describe(outcome.error()));
            }
        }
        out.println("Added " + result.successes().size() + " of " + sids.size() + " contacts to '" + found.name()
                + "'" + (result.allSucceeded() ? "." : "; " + (sids.size() - result.successes().size())
                        + " not added (listed on stderr)."));
        return result.allSucceeded() ? OK : FAILED;
    }

    private List<String> chosen(ContactsClient client) {
        if (source.sids != null) {
            return readSids(source.sids);
        }
        Stream<Contact> contacts;
        if (source.find != null) {
            if (source.find.isBlank()) {
                throw new UsageException("--find needs some text to look for");
            }
            List<String> found = findInMirror(client, source.find.strip());
            if (found != null) {
                return found;
            }
            contacts = client.streamContacts(ListQuery.firstPage().withName(source.find.strip()));
        } else {
            String tag = source.tag.strip();
            contacts = client.streamContacts(ListQuery.firstPage()).filter(c -> c.tag() != null
                    && c.tag().strip().equalsIgnoreCase(tag));
        }
        try (Stream<Contact> stream = contacts) {
            return stream.map(Contact::sid).distinct().toList();
        }
    }

    /**
     * With a local mirror, {@code --find} searches every field there (number in any format, names,
     * company, e-mail, tag, custom values), after an incremental sync for what is new; null without
     * a complete mirror, and the API's name search answers instead.
     */
    private List<String> findInMirror(ContactsClient client, String text) {
        try (Mirror mirror = MirrorCli.existing(dirs(), client, new PrintWriter(Writer.nullWriter()))) {
            if (mirror == null || !mirror.status().complete()) {
                return null;
            }
            MirrorSync.Result synced = MirrorCli.sync(mirror, client, MirrorSync.Mode.INCREMENTAL,
                    ReadGate.DEFAULT_SHARE_PERCENT, false, new PrintWriter(Writer.nullWriter()));
            if (synced.cancelled()) {
                return null;
            }
            List<String> sids = new ArrayList<>();
            mirror.forEach(MirrorQuery.text(text), contact -> sids.add(contact.sid()));
            return sids;
        }
    }

    static List<String> readSids(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage());
        }
        Set<String> sids = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String first = line.split("[,;\\t]", 2)[0].strip().replace("\"", "");
            if (i == 0 && first.equalsIgnoreCase("sid")) {
                continue;
            }
            if (!first.matches("[A-Za-z0-9_\\-]+")) {
                bad.add("line " + (i + 1) + " ('" + (first.length() > 40 ? first.substring(0, 40) + "…" : first)
                        + "')");
                continue;
            }
            sids.add(first);
        }
        if (!bad.isEmpty()) {
            throw new UsageException(file + ": not a contact sid at " + String.join(", ", bad.subList(0,
                    Math.min(5, bad.size()))) + (bad.size() > 5 ? " and " + (bad.size() - 5) + " more" : ""));
        }
        return new ArrayList<>(sids);
    }
}
