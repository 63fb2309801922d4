package org.dialbook.ui.contacts;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NewContact;
import org.dialbook.api.SortBy;
import org.dialbook.contact.ContactRules;
import org.dialbook.contact.PhoneResult;
import org.dialbook.contact.PhoneRule;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The contacts table: which page of which search, and every change the user makes to contacts.
 * Each change runs in the background and leaves its outcome on the row (pending, saved, failed);
 * a failed edit puts the old value back and says why.
 */
public final class ContactsViewModel {
    static final Duration SEARCH_DELAY = Duration.ofMillis(300);

    private final ContactsApi api;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final String defaultCountry;
    private final PageLoader pages;
    private final BulkOperations bulk;
    private final ObservableList<ContactRow> rows = FXCollections.observableArrayList();
    private final Map<String, RowNote> notes = new HashMap<>();
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final StringProperty listFilter = new SimpleStringProperty(this, "listFilter", "");
    private final BooleanProperty showLists =
            new SimpleBooleanProperty(this, "showLists", false);
    private final ObjectProperty<SortBy> sortBy = new SimpleObjectProperty<>(this, "sortBy", SortBy.DEFAULT);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final UndoHistory history = new UndoHistory(java.time.Clock.systemDefaultZone());
    private final UndoRunner undos;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private Cancellable pendingSearch = () -> { };
    private ContactsMirror mirror;
    private final FilterChipsViewModel filters;

    private record RowNote(RowStatus status, String message) {
    }

    public ContactsViewModel(ContactsApi api, TaskExecutor executor, DialogService dialogs, String defaultCountry) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = executor;
        this.dialogs = dialogs;
        this.defaultCountry = defaultCountry;
        this.pages = new PageLoader(api, executor);
        this.bulk = new BulkOperations(api);
        this.undos = new UndoRunner(history, api, executor, dialogs, notice::set, () -> {
            pages.invalidate();
            pages.refresh();
        });
        this.filters = new FilterChipsViewModel(executor);
        filters.refinementProperty().addListener((obs, old, now) -> applyQuery());
        pages.pageProperty().addListener((obs, old, page) -> showPage(page));
        searchText.addListener((obs, old, now) -> {
            pendingSearch.cancel();
            pendingSearch = executor.schedule(SEARCH_DELAY, this::applyQuery);
        });
        listFilter.addListener((obs, old, now) -> {
            pendingSearch.cancel();
            pendingSearch = executor.schedule(SEARCH_DELAY, this::applyQuery);
        });
        sortBy.addListener((obs, old, now) -> applyQuery());
        showLists.addListener((obs, old, now) -> applyQuery());
    }

    /**
     * Searches go to the account's mirror from now on; it is kept in sync in the background, and
     * shown when the server cannot be reached. Call before {@link #start()}.
     */
    public void attachMirror(Mirror mirror, ContactPages source, ReadGate gate, Clock clock) {
        this.mirror = new ContactsMirror(pages, api, mirror, source, gate, executor, dialogs, clock, filters);
        filters.attach(mirror);
    }

    /** The tag and company chips and the column sort of a mirror search. */
    public FilterChipsViewModel filters() {
        return filters;
    }

    /**
     * The search the table shows, chips and sort included, when the mirror answers it; null while
     * browsing. "Select all N matching" and Export take this, so they act on what is on screen.
     */
    public MirrorQuery currentSearch() {
        return pages.mirrorSearch();
    }

    /** Loads the first page, and starts syncing the mirror when there is one. */
    public void start() {
        if (mirror != null) {
            mirror.start();
        }
        applyQuery();
    }

    /** Stops the background sync and reconnection timers; the window is closing. */
    public void stop() {
        if (mirror != null) {
            mirror.stop();
        }
    }

    /** The sync's status bar text; null without a mirror. */
    public MirrorSyncViewModel mirrorSync() {
        return mirror == null ? null : mirror.sync();
    }

    /** The API for whole-book jobs: with a mirror, a search is exported as the search box shows it. */
    public ContactsApi wholeBookApi() {
        return mirror == null ? api : mirror.wholeBook();
    }

    /** The offline banner; null without a mirror. */
    public OfflineViewModel offline() {
        return mirror == null ? null : mirror.offline();
    }

    /** True while the table shows the mirror because the server cannot be reached. */
    public ReadOnlyBooleanProperty editsDisabledProperty() {
        return pages.offlineProperty();
    }

    private boolean refuseOffline(String what) {
        if (!pages.offlineProperty().get()) {
            return false;
        }
        dialogs.showError(what, "Dialbook cannot reach the server, so edits are disabled. Try again when the "
                + "connection is back.");
        return true;
    }

    /** The current search, sort and filter as a list query (offset 0). */
    public ListQuery currentQuery() {
        List<String> sids = Arrays.stream(listFilter.get() == null ? new String[0] : listFilter.get().split("[,\\s]+"))
                .map(String::trim).filter(text -> !text.isEmpty()).toList();
        return ListQuery.firstPage().withName(searchText.get() == null ? null : searchText.get().trim())
                .withSortBy(sortBy.get() == null ? SortBy.DEFAULT : sortBy.get()).withListSids(sids)
                .withShowLists(showLists.get());
    }

    private void applyQuery() {
        pendingSearch.cancel();
        pages.setQuery(currentQuery(), filters.refinement());
    }

    public void refresh() {
        notes.clear();
        pages.refresh();
    }

    /** A contact just added: shown once it is found, on the last page if not on this one. */
    private String justAdded;
    private boolean lookedOnLastPage;

    private void showPage(ContactPage page) {
        if (justAdded != null) {
            boolean here = page.items().stream().anyMatch(contact -> contact.sid().equals(justAdded));
            if (!here && !lookedOnLastPage) {
                // New contacts sort last by creation date; with another sort the user keeps the page they chose.
                lookedOnLastPage = true;
                if (currentQuery().sortBy().equals(SortBy.DEFAULT)) {
                    // That page replaces this one; showing this one first would only flicker (or, run
                    // synchronously, overwrite it).
                    pages.last();
                    return;
                }
            } else {
                justAdded = null;
            }
        }
        rows.setAll(page.items().stream().map(contact -> {
            ContactRow row = new ContactRow(contact);
            RowNote note = notes.get(contact.sid());
            if (note != null) {
                row.mark(note.status(), note.message());
            }
            return row;
        }).toList());
    }

    /**
     * Inline edit of one cell: checks it, shows it at once, sends one PUT, and on failure puts the
     * old value back.
     */
    public void commitEdit(ContactRow row, ContactField field, String text) {
        String value = text == null || text.isBlank() ? null : text.trim();
        if (Objects.equals(value, emptyToNull(ContactValues.text(row.contact(), field)))) {
            return;
        }
        if (refuseOffline("Not changed")) {
            row.setContact(row.contact());
            return;
        }
        if (field == ContactField.NUMBER) {
            PhoneResult number = PhoneRule.forCountryOrIndia(defaultCountry).normalise(value);
            if (!number.isValid()) {
                mark(row, RowStatus.FAILED, number.note());
                notice.set("Not saved: " + number.note());
                row.setContact(row.contact());
                dialogs.showError("Number not changed", number.note());
                return;
            }
            value = number.e164();
            if (mirror != null) {
                ContactPatch patch = ContactPatch.empty().with(field, value);
                mirror.unlessDuplicate(row, value, () -> save(row, patch), () -> row.setContact(row.contact()));
                return;
            }
        } else if (field.isText() && ContactRules.textProblem(field, value) != null) {
            String problem = field.wireName() + ": " + ContactRules.textProblem(field, value);
            mark(row, RowStatus.FAILED, problem);
            row.setContact(row.contact());
            dialogs.showError("Not changed", problem);
            return;
        }
        if (field == ContactField.CUSTOM_FIELD) {
            throw new IllegalArgumentException("Custom fields are edited in the contact dialog");
        }
        save(row, ContactPatch.empty().with(field, value));
    }

    /** Sends a patch for one contact (inline edit or the contact dialog). */
    public void save(ContactRow row, ContactPatch patch) {
        if (patch.isEmpty() || refuseOffline("Not saved")) {
            return;
        }
        Contact before = row.contact();
        row.setContact(ContactValues.apply(before, patch));
        mark(row, RowStatus.PENDING, "Saving…");
        BackgroundTask.quiet(progress -> api.updateContact(before.sid(), patch))
                .onSuccess(saved -> {
                    row.setContact(saved);
                    pages.replaceCached(saved);
                    pages.absorb(List.of(saved));
                    mark(row, RowStatus.SAVED, "Saved");
                    notice.set("Saved " + describe(saved));
                    history.record("Edit " + fieldNames(patch) + " of " + describe(before), UndoActions.edit(before, patch));
                })
                .onFailure(error -> {
                    row.setContact(before);
                    mark(row, RowStatus.FAILED, org.dialbook.ui.common.ErrorMessages.describe(error));
                    // "Saved …" from an earlier edit would now claim this one worked.
                    notice.set("Not saved: " + describe(before));
                    dialogs.showError("Could not save the change to " + describe(before), error);
                })
                .executeWith(executor);
    }

    /** Creates a contact from the dialog, then shows the page it lands on (the last, by creation date). */
    public void create(NewContact contact, Consumer<Contact> onCreated) {
        if (refuseOffline("Not added")) {
            return;
        }
        busy.set(true);
        BackgroundTask.quiet(progress -> api.createContacts(List.of(contact)))
                .onSuccess((BulkResult<Contact> result) -> {
                    busy.set(false);
                    ItemOutcome<Contact> outcome = result.items().get(0);
                    if (!outcome.succeeded()) {
                        dialogs.showError("Could not add " + contact.number(),
                                "The server refused the contact: " + outcome.error().summary());
                        return;
                    }
                    Contact created = outcome.value();
                    pages.absorb(List.of(created));
                    notes.put(created.sid(), new RowNote(RowStatus.SAVED, "Added"));
                    justAdded = created.sid();
                    lookedOnLastPage = false;
                    notice.set("Added " + describe(created));
                    history.record("Add " + describe(created), UndoActions.add(created));
                    pages.invalidate();
                    pages.refresh();
                    onCreated.accept(created);
                })
                .onFailure(error -> {
                    busy.set(false);
                    dialogs.showError("Could not add " + contact.number(), error);
                })
                .executeWith(executor);
    }

    private void mark(ContactRow row, RowStatus status, String message) {
        row.mark(status, message);
        notes.put(row.sid(), new RowNote(status, message));
    }

    /** Records bulk outcomes on the rows, so failed ones show their error even after paging. */
    void markOutcome(BulkOperations.Outcome outcome, String successMessage) {
        outcome.succeeded().forEach(sid -> notes.put(sid, new RowNote(RowStatus.SAVED, successMessage)));
        outcome.failed().forEach((sid, reason) -> notes.put(sid, new RowNote(RowStatus.FAILED, reason)));
        rows.forEach(row -> {
            RowNote note = notes.get(row.sid());
            if (note != null) {
                row.mark(note.status(), note.message());
            }
        });
    }

    /**
     * Edit → Undo (Ctrl+Z): reverses the newest change not undone yet, through the API, in the
     * background; then shows the account as it now is.
     */
    public void undo() {
        undos.undoNewest();
    }

    /** Keeps a finished import's undo in this account's history; the wizard's button shares it. */
    public void recordImport(UndoableImport finished) {
        undos.recordImport(finished);
    }

    public UndoHistory history() {
        return history;
    }

    private static String fieldNames(ContactPatch patch) {
        return patch.changes().keySet().stream().map(field -> field.wireName().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }

    static String describe(Contact contact) {
        String name = contact.displayName();
        return name.isEmpty() ? contact.number() : name + " (" + contact.number() + ")";
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    void setNotice(String text) {
        notice.set(text);
    }

    ContactsApi api() {
        return api;
    }

    TaskExecutor executor() {
        return executor;
    }

    DialogService dialogs() {
        return dialogs;
    }

    BulkOperations bulk() {
        return bulk;
    }

    public String defaultCountry() {
        return defaultCountry;
    }

    public PageLoader pages() {
        return pages;
    }

    public ObservableList<ContactRow> rows() {
        return rows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    /** Asks for each contact's lists (filter=show_list), for the lists panel's "Lists" column. */
    public BooleanProperty showListsProperty() {
        return showLists;
    }

    /**
     * The sids of every contact matching {@code query} (from {@link #currentQuery()}, read on the UI
     * thread), across all pages: from the mirror when it answers the query, else by walking the
     * API. Blocking: for background tasks ("Add to list…" on all N matching).
     */
    public List<String> matchingSids(ListQuery query, MirrorQuery search, Progress progress) {
        return bulk.matchingContacts(query, search, pages.mirror(), progress).stream().map(Contact::sid).toList();
    }

    public StringProperty listFilterProperty() {
        return listFilter;
    }

    public ObjectProperty<SortBy> sortByProperty() {
        return sortBy;
    }

    /** The last thing that happened, for the line under the table. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
