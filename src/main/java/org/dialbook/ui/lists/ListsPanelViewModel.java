package org.dialbook.ui.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.api.BulkResult;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ListMember;
import org.dialbook.api.ListUpdate;
import org.dialbook.api.ListsClient;
import org.dialbook.api.ListsQuery;
import org.dialbook.api.NewList;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.mirror.MirrorLists;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The lists panel: "All contacts" and every list with its count. Choosing an entry filters the
 * contacts table through {@code onFilter} (a list sid, or "" for all). Every call runs on the
 * injected executor; failures reach the user through the {@link DialogService}.
 */
public final class ListsPanelViewModel {
    /** Adds are sent in chunks this big so progress moves and a cancel stops between them. */
    static final int CHUNK = 500;

    /** One line of the panel; {@link #ALL} has no sid. */
    public record Entry(String sid, String name, Integer count) {
        public static final Entry ALL = new Entry(null, "All contacts", null);

        public String label() {
            return count == null ? name : name + " (" + count + ")";
        }

        public boolean isAll() {
            return sid == null;
        }
    }

    private final ListsClient lists;
    /** The account's mirror, or null: shows the lists at once and offline, and takes every list write. */
    private final MirrorLists mirror;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<String> onFilter;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList(Entry.ALL);
    private final ObjectProperty<Entry> selected = new SimpleObjectProperty<>(this, "selected", Entry.ALL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ListsPanelViewModel(ListsClient lists, TaskExecutor executor, DialogService dialogs,
            Consumer<String> onFilter) {
        this(lists, null, executor, dialogs, onFilter);
    }

    /** With the account's mirror (null for none). */
    public ListsPanelViewModel(ListsClient lists, MirrorLists mirror, TaskExecutor executor, DialogService dialogs,
            Consumer<String> onFilter) {
        this.lists = Objects.requireNonNull(lists, "lists");
        this.mirror = mirror;
        this.executor = executor;
        this.dialogs = dialogs;
        this.onFilter = onFilter;
        selected.addListener((obs, old, now) -> onFilter.accept(now == null || now.isAll() ? "" : now.sid()));
    }

    public ObservableList<Entry> entries() {
        return entries;
    }

    public ObjectProperty<Entry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Reads every list with its count again, keeping the chosen one when it still exists. */
    public void reload() {
        if (mirror == null) {
            BackgroundTask.quiet(progress -> lists.allLists(ListsQuery.firstPage()))
                    .onSuccess(this::show)
                    .onFailure(error -> dialogs.showError("Could not read the lists", error))
                    .executeWith(executor);
            return;
        }
        // The mirror's lists at once (and offline); then the server's, which the mirror takes too.
        BackgroundTask.quiet(progress -> mirror.synced() ? mirror.all() : null)
                .onSuccess(known -> {
                    if (known != null) {
                        show(known);
                    }
                })
                .onFailure(error -> dialogs.showError("Could not read the lists", error))
                .executeWith(executor);
        BackgroundTask.quiet(progress -> {
            mirror.replaceAll(lists.allLists(ListsQuery.firstPage()));
            return mirror.all();
        }).onSuccess(this::show).onFailure(error -> status.set("Lists as last synced (the server did not answer: "
                + ErrorMessages.describe(error) + ")")).executeWith(executor);
    }

    /** The lists as the mirror holds them now, after a sync, without a call. */
    public void showMirrored() {
        if (mirror == null) {
            return;
        }
        BackgroundTask.quiet(progress -> mirror.all()).onSuccess(this::show)
                .onFailure(error -> dialogs.showError("Could not read the lists", error)).executeWith(executor);
    }

    /** Runs {@code change} on the mirror, if any (background thread). */
    private void remember(Consumer<MirrorLists> change) {
        if (mirror != null) {
            change.accept(mirror);
        }
    }

    private void show(List<CampaignList> found) {
        String keep = selected.get() == null ? null : selected.get().sid();
        List<Entry> fresh = new ArrayList<>();
        fresh.add(Entry.ALL);
        Entry again = Entry.ALL;
        for (CampaignList list : found) {
            Entry entry = new Entry(list.sid(), list.name(), list.contactCount());
            fresh.add(entry);
            if (entry.sid().equals(keep)) {
                again = entry;
            }
        }
        entries.setAll(fresh);
        // An equal entry (same sid and count) changes nothing; a new count refilters to the same sid, a no-op.
        selected.set(again);
    }

    public void create(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        BackgroundTask.titled("Creating list " + name.strip(), progress -> {
                    CampaignList made = lists.createList(NewList.named(name));
                    remember(known -> known.created(made));
                    return made;
                })
                .onSuccess(list -> {
                    status.set("Created list '" + list.name() + "'");
                    reload();
                })
                .onFailure(error -> dialogs.showError("Could not create the list", error))
                .executeWith(executor);
    }

    public void rename(Entry entry, String newName) {
        if (entry == null || entry.isAll() || newName == null || newName.isBlank() || newName.strip().equals(entry.name())) {
            return;
        }
        BackgroundTask.titled("Renaming list " + entry.name(),
                        progress -> {
                            CampaignList renamed = lists.updateList(new ListUpdate(entry.sid(), newName, null));
                            remember(known -> known.put(renamed));
                            return renamed;
                        })
                .onSuccess(list -> reload())
                .onFailure(error -> dialogs.showError("Could not rename the list", error))
                .executeWith(executor);
    }

    /** Asks first, saying the contacts stay; then deletes. */
    public void delete(Entry entry) {
        if (entry == null || entry.isAll()) {
            return;
        }
        boolean sure = dialogs.confirm("Delete list", "Delete the list '" + entry.name() + "'? Its "
                + (entry.count() == null ? "" : entry.count() + " ") + "contacts stay in the book; only the list goes.",
                "Delete list");
        if (!sure) {
            return;
        }
        BackgroundTask.titled("Deleting list " + entry.name(), progress -> {
                    CampaignList deleted = lists.deleteList(entry.sid());
                    remember(known -> known.deleted(entry.sid()));
                    return deleted;
                })
                .onSuccess(list -> {
                    if (entry.equals(selected.get())) {
                        selected.set(Entry.ALL);
                    }
                    status.set("Deleted list '" + entry.name() + "'; its contacts stay");
                    reload();
                })
                .onFailure(error -> dialogs.showError("Could not delete the list", error))
                .executeWith(executor);
    }

    /**
     * Adds contacts to a list in the background, in chunks, with progress; the returned job cancels
     * between chunks. {@code afterwards} runs on success (the table refreshes its "Lists" column).
     */
    public Job addTo(Entry entry, List<String> contactSids, Runnable afterwards) {
        if (entry == null || entry.isAll() || contactSids.isEmpty()) {
            return null;
        }
        List<String> chosen = List.copyOf(contactSids);
        return add(entry, "Adding " + chosen.size() + " contacts to " + entry.name(), progress -> chosen, afterwards);
    }

    /**
     * Adds every contact matching the table's search and filter ("all N matching"), collected in the
     * background by {@code collect} (from the mirror when it answers the search), with progress and
     * cancel; {@code count} is what the table showed.
     */
    public Job addMatching(Entry entry, int count, Function<Progress, List<String>> collect, Runnable afterwards) {
        if (entry == null || entry.isAll() || count == 0) {
            return null;
        }
        return add(entry, "Adding all " + count + " matching contacts to " + entry.name(), progress -> {
            progress.update(-1, -1, "Collecting the " + count + " matching contacts");
            return collect.apply(progress);
        }, afterwards);
    }

    private Job add(Entry entry, String title, Function<Progress, List<String>> collect, Runnable afterwards) {
        int[] asked = {0};
        return BackgroundTask.titled(title, progress -> {
            List<String> sids = collect.apply(progress);
            asked[0] = sids.size();
            long added = 0;
            long failed = 0;
            for (int from = 0; from < sids.size(); from += CHUNK) {
                if (Thread.currentThread().isInterrupted() || progress.isCancelled()) {
                    break;
                }
                List<String> chunk = sids.subList(from, Math.min(sids.size(), from + CHUNK));
                BulkResult<ListMember> result = lists.addContacts(entry.sid(), chunk);
                List<String> confirmed = result.successes().stream().map(item -> chunk.get(item.index())).toList();
                remember(known -> known.added(entry.sid(), confirmed));
                added += result.successes().size();
                failed += chunk.size() - result.successes().size();
                progress.update(from + chunk.size(), sids.size(), added + " added");
            }
            return new long[] {added, failed};
        }).onSuccess(counts -> {
            status.set("Added " + counts[0] + " contacts to '" + entry.name() + "'"
                    + (counts[1] == 0 ? "" : "; " + counts[1] + " could not be added"));
            if (counts[1] > 0) {
                dialogs.showError("Some contacts were not added", counts[1] + " of " + asked[0]
                        + " contacts could not be added to '" + entry.name() + "'.");
            }
            reload();
            afterwards.run();
        }).onCancelled(() -> {
            status.set("Adding to '" + entry.name() + "' cancelled; contacts added before that stay in it");
            reload();
            afterwards.run();
        }).onFailure(error -> dialogs.showError("Could not add to the list", error)).executeWith(executor);
    }

    /** Takes contacts out of the chosen list; they stay in the book. */
    public void removeFromSelected(List<String> contactSids, Runnable afterwards) {
        Entry entry = selected.get();
        if (entry == null || entry.isAll()) {
            return;
        }
        if (contactSids.isEmpty()) {
            status.set("Select the contacts to take out of '" + entry.name() + "' first");
            return;
        }
        List<String> sids = List.copyOf(contactSids);
        BackgroundTask.titled("Removing " + sids.size() + " contacts from " + entry.name(), progress -> {
            int done = 0;
            for (String sid : sids) {
                lists.removeContact(entry.sid(), sid);
                remember(known -> known.removed(entry.sid(), List.of(sid)));
                progress.update(++done, sids.size(), null);
            }
            return done;
        }).onSuccess(done -> {
            status.set("Removed " + done + " contacts from '" + entry.name() + "'; they stay in the book");
            reload();
            afterwards.run();
        }).onFailure(error -> {
            dialogs.showError("Could not remove from the list", error);
            reload();
            afterwards.run();
        }).executeWith(executor);
    }
}
