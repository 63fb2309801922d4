package org.dialbook.ui.importer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.dialbook.jobs.CancelToken;
import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ImportPlan;
import org.dialbook.importer.ImportPreview;
import org.dialbook.importer.ImportResult;
import org.dialbook.importer.ImportRunner;
import org.dialbook.importer.ImportSummary;
import org.dialbook.importer.Previewer;
import org.dialbook.importer.UndoResult;
import org.dialbook.ui.AfterImport;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.ImportProgressBridge;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.common.TaskExecutor;

/**
 * The long jobs of the wizard: checking the whole file, importing it, and afterwards saving the
 * report, retrying failed rows or undoing the import. Each runs on the {@link TaskExecutor} with
 * progress and cancel.
 */
public final class ImportJobViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Previewer previewer;
    private final ImportRunner runner;
    private final AfterImport afterImport;

    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /** True once this import was undone completely: a second undo would only say "0 contacts deleted". */
    private final ReadOnlyBooleanWrapper undone = new ReadOnlyBooleanWrapper(this, "undone");
    /** True while "Undo this import" can run: contacts were created, not yet undone here or from Edit → Undo. */
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    /** The undo of the last pass, shared with the main window's history; null before an import created contacts. */
    private UndoableImport undoable;
    /** How many contacts the import had created when its undo was first offered; a retry adds to it. */
    private long createdBeforeRetry;
    /** For the history's "Import of contacts.csv (48 created)". */
    private String fileName = "the file";
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<ImportPreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyStringWrapper resultText = new ReadOnlyStringWrapper(this, "resultText", "");
    private final ObservableList<ImportPreview.PreviewRow> firstRows = FXCollections.observableArrayList();
    private final ObservableList<ImportPreview.InvalidRow> invalidRows = FXCollections.observableArrayList();
    private final FilteredList<ImportPreview.InvalidRow> filteredInvalidRows = new FilteredList<>(invalidRows);
    private final ObservableList<ImportPreview.DuplicateRow> duplicateRows = FXCollections.observableArrayList();
    private final FilteredList<ImportPreview.DuplicateRow> filteredDuplicateRows = new FilteredList<>(duplicateRows);
    private final StringProperty invalidFilter = new SimpleStringProperty(this, "invalidFilter", "");
    private final NotCreatedRowsViewModel notCreated;
    private CancelToken cancel = new CancelToken();
    private Job current;

    public ImportJobViewModel(TaskExecutor executor, DialogService dialogs, Previewer previewer, ImportRunner runner,
            AfterImport afterImport) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.previewer = previewer;
        this.runner = runner;
        this.afterImport = afterImport;
        this.notCreated = new NotCreatedRowsViewModel(executor, runner::folderOf);
        invalidFilter.addListener((observable, old, text) -> {
            filteredInvalidRows.setPredicate(matching(text, ImportPreview.InvalidRow::row,
                    row -> row.reason() + "\n" + String.join("\n", row.values())));
            filteredDuplicateRows.setPredicate(matching(text, ImportPreview.DuplicateRow::row,
                    row -> row.number() + "\n" + row.reason()));
        });
    }

    /** The one filter of the check step's lists: a row number, or text in the reason or the values. */
    private static <R> Predicate<R> matching(String text, ToLongFunction<R> rowNumber, Function<R, String> words) {
        if (text == null || text.isBlank()) {
            return row -> true;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return row -> Long.toString(rowNumber.applyAsLong(row)).equals(needle)
                || words.apply(row).toLowerCase(Locale.ROOT).contains(needle);
    }

    /** Validates the whole file in the background; fills the preview. */
    public void check(ImportPlan plan) {
        cancel = new CancelToken();
        CancelToken token = cancel;
        preview.set(null);
        firstRows.clear();
        invalidRows.clear();
        duplicateRows.clear();
        checking.set(true);
        track(BackgroundTask.titled("Checking " + plan.file().getFileName(),
                        work -> previewer.preview(plan, bridge(work, token), token))
                .onSuccess(done -> {
                    preview.set(done);
                    firstRows.setAll(done.firstRows());
                    invalidRows.setAll(done.invalidRows());
                    duplicateRows.setAll(done.duplicateRows());
                    message.set(describe(done));
                })
                .onFailure(error -> {
                    message.set("");
                    dialogs.showError("The file cannot be checked", error);
                })
                .onCancelled(() -> message.set("Check cancelled"))
                .onFinished(() -> checking.set(false)));
    }

    static String describe(ImportPreview done) {
        return done.rows() + " rows: " + done.toCreate() + " to create, " + done.toUpdate() + " to update, "
                + done.toSkip() + " to skip (duplicates), " + done.invalid() + " invalid"
                + (done.cancelled() ? " (check cancelled: counts cover part of the file)" : "");
    }

    /** Starts the import; {@code onDone} runs when it ends in any way. */
    public void start(ImportPlan plan, Runnable onDone) {
        fileName = plan.file().getFileName().toString();
        ImportPreview checked = preview.get();
        long expected = checked == null || checked.cancelled() ? 0 : checked.rows();
        runJob("Importing " + plan.file().getFileName(),
                (token, listener) -> runner.start(plan, expected, listener, token), onDone);
    }

    public void resume(String importId, Runnable onDone) {
        resume(importId, null, onDone);
    }

    /** Resumes an interrupted import of {@code file} (named in the history when it creates contacts). */
    public void resume(String importId, Path file, Runnable onDone) {
        if (file != null) {
            fileName = file.getFileName().toString();
        }
        runJob("Resuming import", (token, listener) -> runner.resume(importId, listener, token), onDone);
    }

    /** Sends again only the rows that failed or ended unknown. */
    public void retryFailed() {
        ImportResult last = result.get();
        if (last == null) {
            return;
        }
        runJob("Retrying failed rows", (token, listener) -> runner.retryFailed(last.id(), listener, token),
                () -> { });
    }

    private interface RunWork {
        ImportResult run(CancelToken token, ImportListener listener) throws Exception;
    }

    private void runJob(String title, RunWork work, Runnable onDone) {
        cancel = new CancelToken();
        CancelToken token = cancel;
        running.set(true);
        track(BackgroundTask.titled(title, sink -> work.run(token, bridge(sink, token)))
                .onSuccess(done -> {
                    result.set(done);
                    resultText.set(summaryText(done));
                    notCreated.show(done.id());
                    offerUndo(done);
                    afterImport.contactsChanged();
                })
                .onFailure(error -> {
                    resultText.set("The import stopped: " + error.getMessage()
                            + "\nRows already sent are recorded; reopen the file to resume.");
                    dialogs.showError("The import stopped", error);
                    afterImport.contactsChanged();
                })
                .onCancelled(() -> resultText.set("Cancelled."))
                .onFinished(() -> {
                    running.set(false);
                    onDone.run();
                }));
    }

    static String summaryText(ImportResult done) {
        ImportSummary summary = done.summary();
        StringBuilder text = new StringBuilder(done.cancelled() ? "Cancelled. " : "Done. ");
        text.append(summary.oneLine()).append('.');
        if (done.list() != null) {
            text.append("\nList: ").append(done.list()).append('.');
        }
        if (summary.failed() + summary.unknown() > 0) {
            text.append("\nSome rows did not make it: the list below says why; retry them, or save the report.");
        }
        if (summary.pending() > 0) {
            text.append("\nThe rest of the file was not imported; reopen it to resume.");
        }
        return text.toString();
    }

    /** Writes the row-by-row report to {@code out}. */
    public void saveReport(Path out) {
        ImportResult last = result.get();
        if (last == null) {
            return;
        }
        BackgroundTask.titled("Saving report", work -> runner.writeReport(last.id(), out))
                .onSuccess(rows -> dialogs.showInfo("Report saved", rows + " rows written to " + out))
                .onFailure(error -> dialogs.showError("The report could not be saved", error))
                .executeWith(executor);
    }

    /**
     * Hands the window one undo for this import once it has created contacts. A retry adds rows to the
     * same journal, and the same undo deletes them too, so it is handed over only once.
     */
    private void offerUndo(ImportResult done) {
        long created = done.summary().created();
        if (created == 0) {
            return;
        }
        if (undoable != null && !undoable.spentProperty().get()) {
            // The retry's contacts are deleted by the same undo: its label says how many there are now.
            undoable.relabel(undoLabel(created));
            return;
        }
        createdBeforeRetry = created;
        String id = done.id();
        UndoableImport offered = new UndoableImport(undoLabel(created), (listener, token) -> {
                    UndoResult outcome = runner.undo(id, listener, token);
                    return new UndoableImport.Result(undoText(outcome), !outcome.cancelled() && outcome.failed() == 0);
                });
        undoable = offered;
        undone.set(false);
        offered.spentProperty().addListener((observable, was, spent) -> updateCanUndo());
        offered.busyProperty().addListener((observable, was, busy) -> updateCanUndo());
        updateCanUndo();
        afterImport.undoable(offered);
    }

    /** "Import of contacts.csv (48 created)", or "(48 created, 3 of them on retry)" after a retry. */
    private String undoLabel(long created) {
        long onRetry = created - createdBeforeRetry;
        return "Import of " + fileName + " (" + created + " created" + (onRetry > 0 ? ", " + onRetry
                + " of them on retry" : "") + ")";
    }

    private void updateCanUndo() {
        undone.set(undoable != null && undoable.spentProperty().get());
        canUndo.set(undoable != null && !undoable.spentProperty().get() && !undoable.busyProperty().get());
    }

    /**
     * Deletes exactly the contacts this import created, after asking. Once that is done, neither this
     * button nor Edit → Undo offers it again.
     */
    public void undo() {
        UndoableImport offered = undoable;
        if (offered == null || !canUndo.get()) {
            return;
        }
        long created = result.get().summary().created();
        if (!dialogs.confirm("Undo this import", "Delete the " + created + " contacts this import created? "
                + "Contacts that were updated or already there are not touched.", "Delete " + created + " contacts")) {
            return;
        }
        if (!offered.claim()) {
            return;
        }
        cancel = new CancelToken();
        CancelToken token = cancel;
        running.set(true);
        track(BackgroundTask.titled("Undoing import", work -> offered.run(bridge(work, token), token))
                .onSuccess(outcome -> {
                    offered.release(outcome);
                    resultText.set(outcome.message());
                    afterImport.contactsChanged();
                })
                .onFailure(error -> {
                    offered.release(null);
                    dialogs.showError("Undo stopped", error);
                    afterImport.contactsChanged();
                })
                .onCancelled(() -> {
                    offered.release(null);
                    resultText.set("Undo cancelled: some contacts may already be deleted. Undo again to delete the rest.");
                    afterImport.contactsChanged();
                })
                .onFinished(() -> running.set(false)));
    }

    static String undoText(UndoResult undone) {
        return (undone.cancelled() ? "Undo cancelled: " : "Undone: ") + undone.deleted() + " contacts deleted"
                + (undone.alreadyGone() > 0 ? ", " + undone.alreadyGone() + " were already gone" : "")
                + (undone.failed() > 0 ? ", " + undone.failed() + " could not be deleted (undo again to retry)" : "")
                + ".";
    }

    public void cancel() {
        cancel.cancel();
        if (current != null) {
            current.cancel();
        }
    }

    /**
     * Shows the job's progress and message while it runs. Copied by listeners rather than bound, so
     * the completion callbacks can write their own summary into the message.
     */
    private <T> void track(BackgroundTask<T> task) {
        progress.set(-1);
        message.set("");
        Job started = task.executeWith(executor);
        current = started;
        if (!started.isRunning()) {
            return;
        }
        started.progressProperty().addListener((observable, old, now) -> {
            if (current == started && started.isRunning()) {
                progress.set(now.doubleValue());
            }
        });
        started.messageProperty().addListener((observable, old, now) -> {
            if (current == started && started.isRunning()) {
                message.set(now);
            }
        });
    }

    /** Engine progress into the executor's progress, and the executor's cancel into the engine's token. */
    static ImportListener bridge(Progress sink, CancelToken token) {
        return ImportProgressBridge.listener(sink, token);
    }

    /** The result page's list of rows that were not created, read from the journal page by page. */
    public NotCreatedRowsViewModel notCreated() {
        return notCreated;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty undoneProperty() {
        return undone.getReadOnlyProperty();
    }

    /** Whether "Undo this import" can run now (false once it ran, here or from Edit → Undo). */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultTextProperty() {
        return resultText.getReadOnlyProperty();
    }

    public ObservableList<ImportPreview.PreviewRow> firstRows() {
        return firstRows;
    }

    public FilteredList<ImportPreview.InvalidRow> invalidRows() {
        return filteredInvalidRows;
    }

    /** The rows the import will skip as duplicates, with why; filtered by {@link #invalidFilterProperty()} too. */
    public FilteredList<ImportPreview.DuplicateRow> duplicateRows() {
        return filteredDuplicateRows;
    }

    /** Filters both lists of the check step: the invalid rows and the duplicates. */
    public StringProperty invalidFilterProperty() {
        return invalidFilter;
    }
}
