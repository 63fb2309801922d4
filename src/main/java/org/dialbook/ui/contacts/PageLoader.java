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
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ListQuery;
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

    /** A new search, sort or filter: forgets the cache and shows its first page. */
    public void setQuery(ListQuery newQuery) {
        query = newQuery.withOffset(0);
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
        pendingTimer = executor.schedule(DELAY, () -> load(index, expected, expectedEpoch));
    }

    private void load(int index, int expected, int expectedEpoch) {
        cancelRunning();
        ListQuery pageQuery = query.withOffset(index * query.limit());
        runningLoad = BackgroundTask.quiet(progress -> ContactPage.of(api.listContacts(pageQuery)))
                .onSuccess(result -> {
                    if (expected != request) {
                        return;
                    }
                    runningLoad = null;
                    loading.set(false);
                    loaded.set(true);
                    error.set("");
                    total.set(result.total());
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
                    runningLoad = null;
                    loading.set(false);
                    error.set(ErrorMessages.describe(failure));
                    LOG.warn("Could not load page {} of contacts: {}", index + 1, error.get());
                })
                .executeWith(executor);
    }

    private void prefetch(int index) {
        if (index >= pageCount.get() || cache.containsKey(index)) {
            return;
        }
        int expectedEpoch = epoch;
        ListQuery pageQuery = query.withOffset(index * query.limit());
        BackgroundTask.quiet(progress -> ContactPage.of(api.listContacts(pageQuery)))
                .onSuccess(result -> {
                    if (expectedEpoch == epoch && !result.items().isEmpty()) {
                        cache.put(index, result);
                    }
                })
                // A failed prefetch costs nothing: the page is simply loaded when asked for.
                .onFailure(failure -> LOG.debug("Prefetching page {} failed", index + 1, failure))
                .executeWith(executor);
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

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
