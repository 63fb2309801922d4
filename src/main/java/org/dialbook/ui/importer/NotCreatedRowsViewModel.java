package org.dialbook.ui.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.dialbook.importer.ResultRows;
import org.dialbook.importer.RowOutcome;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.Cancellable;
import org.dialbook.ui.common.ErrorMessages;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The result page's list of rows that were not created (failed, invalid, skipped as duplicates,
 * unknown), with a toggle per outcome. Read from the import's journal in the background, one page
 * at a time: an import can have 100,000 rows, and only the page shown is ever in the list.
 */
public final class NotCreatedRowsViewModel {
    /** The outcomes listed, in the order of their toggles: what needs action first. */
    public static final List<RowOutcome> NOT_CREATED = List.of(RowOutcome.FAILED, RowOutcome.UNKNOWN,
            RowOutcome.INVALID, RowOutcome.SKIPPED);
    static final int PAGE_SIZE = 200;
    /** Rapid toggle and page clicks collapse into one read. */
    static final Duration DELAY = Duration.ofMillis(200);

    private final TaskExecutor executor;
    private final Function<String, Path> folderOf;
    private final int pageSize;
    private final Map<RowOutcome, BooleanProperty> shown = new EnumMap<>(RowOutcome.class);
    private final Map<RowOutcome, ReadOnlyLongWrapper> counts = new EnumMap<>(RowOutcome.class);
    private final ObservableList<ResultRows.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper offset = new ReadOnlyLongWrapper(this, "offset");
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private ResultRows source;
    /** Bumped by each load, so an answer that arrives after a newer request is dropped. */
    private long generation;
    private Cancellable pending = () -> { };

    /** @param folderOf where an import's journal is, by its id */
    public NotCreatedRowsViewModel(TaskExecutor executor, Function<String, Path> folderOf) {
        this(executor, folderOf, PAGE_SIZE);
    }

    NotCreatedRowsViewModel(TaskExecutor executor, Function<String, Path> folderOf, int pageSize) {
        this.executor = executor;
        this.folderOf = folderOf;
        this.pageSize = pageSize;
        for (RowOutcome outcome : NOT_CREATED) {
            BooleanProperty toggle = new SimpleBooleanProperty(this, outcome.label(), true);
            toggle.addListener((observable, was, now) -> later(0));
            shown.put(outcome, toggle);
            counts.put(outcome, new ReadOnlyLongWrapper(this, outcome.label() + "Count"));
        }
    }

    /** Reads the journal of import {@code importId} again (after each pass) and shows the first page. */
    public void show(String importId) {
        pending.cancel();
        long ticket = ++generation;
        Set<RowOutcome> wanted = wanted();
        Path folder = folderOf.apply(importId);
        loading.set(true);
        BackgroundTask.quiet(progress -> {
            ResultRows read = ResultRows.read(folder);
            return new Loaded(read, read.page(wanted, 0, pageSize));
        }).onSuccess(loaded -> {
            if (ticket == generation) {
                source = loaded.rows();
                counts.forEach((outcome, count) -> count.set(loaded.rows().count(outcome)));
                showPage(loaded.page());
            }
        }).onFailure(problem -> fail(ticket, problem))
                .executeWith(executor);
    }

    private record Loaded(ResultRows rows, ResultRows.Page page) {
    }

    public void nextPage() {
        if (hasNext.get()) {
            later(offset.get() + pageSize);
        }
    }

    public void previousPage() {
        if (hasPrevious.get()) {
            later(Math.max(0, offset.get() - pageSize));
        }
    }

    private void later(long from) {
        if (source == null) {
            return;
        }
        pending.cancel();
        loading.set(true);
        pending = executor.schedule(DELAY, () -> load(from));
    }

    private void load(long from) {
        long ticket = ++generation;
        ResultRows read = source;
        Set<RowOutcome> wanted = wanted();
        BackgroundTask.quiet(progress -> read.page(wanted, from, pageSize))
                .onSuccess(page -> {
                    if (ticket == generation) {
                        showPage(page);
                    }
                })
                .onFailure(problem -> fail(ticket, problem))
                .executeWith(executor);
    }

    private void showPage(ResultRows.Page page) {
        rows.setAll(page.rows());
        offset.set(page.offset());
        total.set(page.total());
        hasPrevious.set(page.offset() > 0);
        hasNext.set(page.offset() + page.rows().size() < page.total());
        pageText.set(page.total() == 0 ? "" : String.format("Rows %,d–%,d of %,d", page.offset() + 1,
                page.offset() + page.rows().size(), page.total()));
        error.set("");
        loading.set(false);
    }

    private void fail(long ticket, Throwable problem) {
        if (ticket != generation) {
            return;
        }
        rows.clear();
        error.set("The rows cannot be listed: " + ErrorMessages.describe(problem)
                + ". Save the report to see them.");
        loading.set(false);
    }

    private Set<RowOutcome> wanted() {
        Set<RowOutcome> wanted = EnumSet.noneOf(RowOutcome.class);
        shown.forEach((outcome, toggle) -> {
            if (toggle.get()) {
                wanted.add(outcome);
            }
        });
        return wanted;
    }

    /** Whether rows with this outcome are listed; one toggle each for failed, unknown, invalid and skipped. */
    public BooleanProperty shownProperty(RowOutcome outcome) {
        return shown.get(outcome);
    }

    /** How many rows ended with this outcome, for the toggle's label. */
    public ReadOnlyLongProperty countProperty(RowOutcome outcome) {
        return counts.get(outcome).getReadOnlyProperty();
    }

    /** The current page only. */
    public ObservableList<ResultRows.Row> rows() {
        return rows;
    }

    public ReadOnlyLongProperty offsetProperty() {
        return offset.getReadOnlyProperty();
    }

    /** How many rows match the toggles, over the whole import. */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** Why the list is empty when it could not be read; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** "Rows 201–400 of 1,234". */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }
}
