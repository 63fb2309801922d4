package org.dialbook.ui.contacts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import java.util.List;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorQuery;
import org.dialbook.ui.StartupTrace;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through the list call, GemsFX LoadingService style: one restartable load with a short
 * delay, so rapid page clicks collapse into a single request for the page the user stopped on.
 * Pages already fetched are served from a cache until {@link #refresh()} or a new query; the page
 * after the shown one is prefetched. A stale answer (the user moved on) is dropped.
 *
 * <p>With a local {@link Mirror}: a search is answered by the mirror (first page at once, the exact
 * count after it); browsing stays on live pages, but the first one is painted from the mirror before
 * the network answers, and each live page is written back to the mirror. When the server cannot be
 * reached, pages come from the mirror and {@link #offlineProperty()} says so.
 */
public final class PageLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PageLoader.class);
    static final Duration DELAY = Duration.ofMillis(200);

    private final ContactsApi api;
    private final TaskExecutor executor;
    private final Map<Integer, ContactPage> cache = new HashMap<>();
    private final ReadOnlyObjectWrapper<ContactPage> page = new ReadOnlyObjectWrapper<>(this, "page", ContactPage.empty());
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total", 0);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper offline = new ReadOnlyBooleanWrapper(this, "offline", false);
    private final ReadOnlyStringWrapper coverage = new ReadOnlyStringWrapper(this, "coverage", "");
    private MirrorPages mirror;
    /** Non-null while the shown query is a search the mirror answers. */
    private MirrorQuery search;
    /** The filter chips and column sort, applied to the query's text when a mirror answers. */
    private MirrorQuery refinement;
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching", false);
    private int countedEpoch = -1;
    private final IntegerBinding pageCount;
    private ListQuery query = ListQuery.firstPage();
    /** Bumped when cached pages become invalid (new query, refresh, edits). */
    private int epoch;
    /** Bumped on every page request, so only the last one may change what is shown. */
    private int request;
    private Cancellable pendingTimer = () -> { };
    private Job runningLoad;
    private Runnable onFetched = () -> { };

    public PageLoader(ContactsApi api, TaskExecutor executor) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.pageCount = Bindings.createIntegerBinding(
                () -> Math.max(1, (total.get() + query.limit() - 1) / query.limit()), total);
    }

    /** Called on the UI thread each time a page arrived from the server (for "last sync"). */
    public void setOnFetched(Runnable action) {
        this.onFetched = Objects.requireNonNull(action);
    }

    /** Searches and offline pages come from this mirror from now on; null for the API alone. */
    public void setMirror(Mirror value) {
        mirror = value == null ? null : new MirrorPages(value);
        updateSearch();
    }

    private void updateSearch() {
        search = mirror == null ? null : mirror.search(query, refinement);
        searching.set(search != null);
    }

    /** A new search, sort or filter: forgets the cache and shows its first page. */
    public void setQuery(ListQuery newQuery) {
        setQuery(newQuery, refinement);
    }

    /**
     * A new search with the filter chips and column sort of {@code newRefinement} (its text is
     * ignored; null for none), which only the mirror can answer.
     */
    public void setQuery(ListQuery newQuery, MirrorQuery newRefinement) {
        query = newQuery.withOffset(0);
        refinement = newRefinement;
        updateSearch();
        coverage.set("");
        invalidate();
        goTo(0);
    }

    public ListQuery query() {
        return query;
    }

    /** F5: forgets every cached page and reloads the shown one. */
    public void refresh() {
        invalidate();
        goTo(pageIndex.get());
    }

    public void first() {
        goTo(0);
    }

    public void previous() {
        goTo(pageIndex.get() - 1);
    }

    public void next() {
        goTo(pageIndex.get() + 1);
    }

    public void last() {
        goTo(pageCount.get() - 1);
    }

    /** Shows the page at this zero-based index, clamped to the pages that exist. */
    public void goTo(int requested) {
        int index = Math.max(0, Math.min(requested, pageCount.get() - 1));
        pageIndex.set(index);
        pendingTimer.cancel();
        int expected = ++request;
        ContactPage cached = cache.get(index);
        if (cached != null) {
            cancelRunning();
            loading.set(false);
            error.set("");
            page.set(cached);
            prefetch(index + 1);
            return;
        }
        loading.set(true);
        int expectedEpoch = epoch;
        if (mirror != null && search == null && index == 0 && !loaded.get()) {
            paintFromMirror(expected);
        }
        pendingTimer = executor.schedule(DELAY, () -> load(index, expected, expectedEpoch));
    }

    /** The first page from the mirror while the network is asked; the live page replaces it. */
    private void paintFromMirror(int expected) {
        MirrorPages source = mirror;
        ListQuery pageQuery = query.withOffset(0);
        BackgroundTask.quiet(progress -> source.browsePage(pageQuery))
                .onSuccess(result -> {
                    if (expected == request && !loaded.get() && !result.items().isEmpty()) {
                        StartupTrace.mark("first page read from the mirror");
                        total.set(result.total());
                        page.set(result);
                    }
                })
                .onFailure(failure -> LOG.debug("Painting the first page from the mirror failed", failure))
                .executeWith(executor);
    }

    private void load(int index, int expected, int expectedEpoch) {
        cancelRunning();
        if (search != null) {
            loadFromMirror(index, expected, expectedEpoch);
            return;
        }
        ListQuery pageQuery = query.withOffset(index * query.limit());
        MirrorPages source = mirror;
        runningLoad = BackgroundTask.quiet(progress -> live(source, pageQuery))
                .onSuccess(result -> {
                    if (expected != request) {
                        return;
                    }
                    StartupTrace.mark("first page read from the server");
                    runningLoad = null;
                    loading.set(false);
                    loaded.set(true);
                    error.set("");
                    offline.set(false);
                    total.set(result.total());
                    absorb(result.items());
                    onFetched.run();
                    if (result.items().isEmpty() && index > 0 && result.total() > 0) {
                        // Contacts were removed since the page count was known: show the real last page.
                        goTo(pageCount.get() - 1);
                        return;
                    }
                    if (expectedEpoch == epoch) {
                        cache.put(index, result);
                    }
                    page.set(result);
                    prefetch(index + 1);
                })
                .onFailure(failure -> {
                    if (expected != request) {
                        return;
                    }
                    if (mirror != null && MirrorPages.unreachable(failure)) {
                        showOffline(index, expected, failure);
                        return;
                    }
                    runningLoad = null;
                    loading.set(false);
                    error.set(ErrorMessages.describe(failure));
                    LOG.warn("Could not load page {} of contacts: {}", index + 1, error.get());
                })
                .executeWith(executor);
    }

    private void loadFromMirror(int index, int expected, int expectedEpoch) {
        MirrorPages source = mirror;
        MirrorQuery mirrorQuery = search;
        int offset = index * query.limit();
        runningLoad = BackgroundTask.quiet(progress -> source.page(mirrorQuery, offset, query.limit()))
                .onSuccess(result -> {
                    if (expected != request) {
                        return;
                    }
                    runningLoad = null;
                    loading.set(false);
                    loaded.set(true);
                    error.set("");
                    if (countedEpoch != expectedEpoch) {
                        total.set(Math.max(result.total(), result.offset() + result.items().size()));
                        count(source, mirrorQuery, expectedEpoch);
                    }
                    if (expectedEpoch == epoch) {
                        cache.put(index, result);
                    }
                    page.set(result);
                })
                .onFailure(failure -> {
                    if (expected == request) {
                        runningLoad = null;
                        loading.set(false);
                        error.set(ErrorMessages.describe(failure));
                    }
                })
                .executeWith(executor);
    }

    /** The exact count follows the first page, so typing never waits for it. */
    private void count(MirrorPages source, MirrorQuery mirrorQuery, int expectedEpoch) {
        countedEpoch = expectedEpoch;
        BackgroundTask.quiet(progress -> new Counted(source.count(mirrorQuery), source.status().coverage().orElse("")))
                .onSuccess(counted -> {
                    if (expectedEpoch == epoch) {
                        total.set(counted.count());
                        coverage.set(counted.coverage());
                    }
                })
                .onFailure(failure -> LOG.warn("Counting the matches in the mirror failed", failure))
                .executeWith(executor);
    }

    private record Counted(int count, String coverage) {
    }

    /** The server cannot be reached: the same page from the mirror, marked offline. */
    private void showOffline(int index, int expected, Throwable failure) {
        MirrorPages source = mirror;
        ListQuery pageQuery = query.withOffset(index * query.limit());
        runningLoad = BackgroundTask.quiet(progress -> source.isEmpty() ? null : source.browsePage(pageQuery))
                .onSuccess(result -> {
                    if (expected != request) {
                        return;
                    }
                    runningLoad = null;
                    loading.set(false);
                    if (result == null) {
                        error.set(ErrorMessages.describe(failure));
                        return;
                    }
                    loaded.set(true);
                    error.set("");
                    offline.set(true);
                    total.set(result.total());
                    page.set(result);
                })
                .onFailure(mirrorFailure -> {
                    if (expected == request) {
                        runningLoad = null;
                        loading.set(false);
                        error.set(ErrorMessages.describe(failure));
                    }
                })
                .executeWith(executor);
    }

    /** Contacts the server returned (a page, an edit, a create) go into the mirror in the background. */
    void absorb(List<Contact> contacts) {
        if (mirror == null || contacts.isEmpty()) {
            return;
        }
        MirrorPages target = mirror;
        BackgroundTask.quiet(progress -> {
            target.absorb(contacts);
            return null;
        }).onFailure(failure -> LOG.warn("Updating the mirror failed", failure)).executeWith(executor);
    }

    /** Contacts deleted through Dialbook leave the mirror too. */
    void forget(List<String> sids) {
        if (mirror == null || sids.isEmpty()) {
            return;
        }
        MirrorPages target = mirror;
        BackgroundTask.quiet(progress -> {
            target.forget(sids);
            return null;
        }).onFailure(failure -> LOG.warn("Updating the mirror failed", failure)).executeWith(executor);
    }

    /** True while the shown query is a search the mirror answers. */
    public boolean searchingMirror() {
        return search != null;
    }

    /** The search the mirror answers for the shown query, or null while browsing. */
    public MirrorQuery mirrorSearch() {
        return search;
    }

    /** {@link #searchingMirror()} as a property, for what only a mirror search offers (sort by any column). */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** The mirror behind searches, or null. */
    public Mirror mirror() {
        return mirror == null ? null : mirror.mirror();
    }

    private void prefetch(int index) {
        if (search != null || index >= pageCount.get() || cache.containsKey(index)) {
            return;
        }
        int expectedEpoch = epoch;
        ListQuery pageQuery = query.withOffset(index * query.limit());
        MirrorPages source = mirror;
        BackgroundTask.quiet(progress -> live(source, pageQuery))
                .onSuccess(result -> {
                    if (expectedEpoch == epoch && !result.items().isEmpty()) {
                        cache.put(index, result);
                    }
                })
                // A failed prefetch costs nothing: the page is simply loaded when asked for.
                .onFailure(failure -> LOG.debug("Prefetching page {} failed", index + 1, failure))
                .executeWith(executor);
    }

    /** A live page; with a mirror, its "Lists" names come from the mirror rather than a costlier call. */
    private ContactPage live(MirrorPages source, ListQuery pageQuery) {
        ContactPage fetched = ContactPage.of(api.listContacts(pageQuery));
        return source == null ? fetched : new ContactPage(source.named(fetched.items()), fetched.offset(),
                fetched.total());
    }

    private void cancelRunning() {
        if (runningLoad != null) {
            runningLoad.cancel();
            runningLoad = null;
        }
    }

    /** Drops every cached page, e.g. after an edit, without loading anything. */
    public void invalidate() {
        epoch++;
        cache.clear();
    }

    /** Replaces one contact in the cached pages after a successful edit, so paging back shows it. */
    void replaceCached(org.dialbook.api.Contact updated) {
        cache.replaceAll((index, cached) -> new ContactPage(cached.items().stream()
                .map(contact -> contact.sid().equals(updated.sid()) ? updated : contact).toList(),
                cached.offset(), cached.total()));
    }

    boolean isCached(int index) {
        return cache.containsKey(index);
    }

    public ReadOnlyObjectProperty<ContactPage> pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public IntegerBinding pageCountProperty() {
        return pageCount;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True once any page arrived, so "0 contacts" is not shown before the first answer. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** True while pages come from the mirror because the server cannot be reached. */
    public ReadOnlyBooleanProperty offlineProperty() {
        return offline.getReadOnlyProperty();
    }

    /** "searched 45,000 of 100,000 contacts; indexing…" while the mirror behind a search is incomplete. */
    public ReadOnlyStringProperty coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
