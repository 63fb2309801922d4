package org.dialbook.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dialbook.api.ApiException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListMember;
import org.dialbook.api.ListsClient;
import org.dialbook.api.NewList;
import org.dialbook.api.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After an import's rows are settled, adds their contacts to the chosen campaign list (made when no
 * list has that name): created and updated rows as themselves, rows skipped as duplicates of
 * existing contacts as those contacts. Each row's list outcome goes to {@value #FILE} in the import's
 * folder, which the report joins as its {@code list} column. Adding is idempotent, so running the
 * step again after a resume only fills what is missing.
 */
final class ImportListStep {
    static final String FILE = "list-outcomes.tsv";
    private static final Logger LOG = LoggerFactory.getLogger(ImportListStep.class);

    /** What the step did: the list, how many rows went in, how many did not. */
    record Result(CampaignList list, long added, long notAdded, long failedAdds) {
    }

    private ImportListStep() {
    }

    static Result run(ListsClient lists, String nameOrSid, Path folder, Path journal, ListChanges changes)
            throws IOException {
        CampaignList list = findOrCreate(lists, nameOrSid, changes);
        Map<Long, JournalState.Entry> latest = new TreeMap<>();
        JournalState.forEachLine(journal, json -> {
            if ("row".equals(json.get("k").getAsString())) {
                JournalState.Entry entry = JournalState.entry(json);
                latest.put(entry.row(), entry);
            }
        });
        Map<Long, String> outcomes = new LinkedHashMap<>();
        Map<Long, String> sidOfRow = new LinkedHashMap<>();
        for (JournalState.Entry entry : latest.values()) {
            boolean hasContact = entry.sid() != null && (entry.outcome() == RowOutcome.CREATED
                    || entry.outcome() == RowOutcome.UPDATED || entry.outcome() == RowOutcome.SKIPPED);
            if (hasContact) {
                sidOfRow.put(entry.row(), entry.sid());
            } else if (entry.outcome() == RowOutcome.SKIPPED) {
                outcomes.put(entry.row(), "not added: " + entry.detail() + " (that row's contact is added)");
            } else {
                outcomes.put(entry.row(), "not added: the row is " + entry.outcome().label());
            }
        }
        List<String> sids = new ArrayList<>(new java.util.LinkedHashSet<>(sidOfRow.values()));
        Map<String, String> bySid = new HashMap<>();
        if (!sids.isEmpty()) {
            BulkResult<ListMember> added = lists.addContacts(list.sid(), sids);
            List<String> confirmed = new ArrayList<>();
            for (ItemOutcome<ListMember> outcome : added.items()) {
                String sid = sids.get(outcome.index());
                if (outcome.succeeded()) {
                    confirmed.add(sid);
                }
                bySid.put(sid, outcome.succeeded() ? "added"
                        : (outcome.status() == ItemOutcome.Status.UNKNOWN ? "unknown: " : "failed: ")
                                + (outcome.error() == null ? "no details" : outcome.error().summary()));
            }
            changes.added(list, confirmed);
        }
        long addedRows = 0;
        long failedAdds = 0;
        for (Map.Entry<Long, String> row : sidOfRow.entrySet()) {
            String outcome = bySid.get(row.getValue());
            outcomes.put(row.getKey(), outcome);
            addedRows += "added".equals(outcome) ? 1 : 0;
            failedAdds += "added".equals(outcome) ? 0 : 1;
        }
        write(folder.resolve(FILE), new TreeMap<>(outcomes));
        LOG.info("Import list step: {} rows in list {}, {} not", addedRows, list.sid(), outcomes.size() - addedRows);
        return new Result(list, addedRows, outcomes.size() - addedRows, failedAdds);
    }

    private static CampaignList findOrCreate(ListsClient lists, String nameOrSid, ListChanges changes) {
        try {
            return lists.resolve(nameOrSid);
        } catch (NotFoundException e) {
            CampaignList created = lists.createList(NewList.named(nameOrSid));
            changes.created(created);
            return created;
        }
    }

    private static void write(Path file, Map<Long, String> outcomes) throws IOException {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((row, outcome) -> text.append(row).append('\t')
                .append(outcome.replaceAll("[\\t\\r\\n]+", " ")).append('\n'));
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The list outcome of each row, or an empty map when the import had no list. */
    static Map<Long, String> read(Path folder) {
        Path file = folder.resolve(FILE);
        Map<Long, String> outcomes = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return outcomes;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    outcomes.put(Long.parseLong(line.substring(0, tab)), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return outcomes;
    }

    /** Why the step could not run at all, for the result's message. */
    static String describe(ApiException e) {
        return "The contacts were imported, but adding them to the list failed: " + e.getMessage();
    }
}
