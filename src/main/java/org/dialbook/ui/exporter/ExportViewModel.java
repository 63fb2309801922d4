package org.dialbook.ui.exporter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.dialbook.api.ContactsApi;
import org.dialbook.jobs.CancelToken;
import org.dialbook.exporter.ContactExporter;
import org.dialbook.exporter.ExportOptions;
import org.dialbook.exporter.ExportResult;
import org.dialbook.exporter.ExportScope;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.Job;
import org.dialbook.ui.common.TaskExecutor;

/**
 * File → Export…: which contacts (all, the current search, the selection), the file and its
 * options, and the export itself in the background with progress and cancel.
 */
public final class ExportViewModel {

    /** The choices the dialog offers. */
    public enum Choice { ALL, SEARCH, SELECTION }

    private final ContactsApi api;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final ExportScope search;
    private final ExportScope selection;

    private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice", Choice.ALL);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final BooleanProperty byteOrderMark = new SimpleBooleanProperty(this, "byteOrderMark");
    private final BooleanProperty systemColumns = new SimpleBooleanProperty(this, "systemColumns", true);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanBinding canExport;

    private CancelToken cancel;
    private Job job;

    /**
     * @param search the table's current search and list filter; null when there is none
     * @param selection the selected contacts (or all matching ones); null when nothing is selected
     */
    /** For the dialog's file chooser, which asks through the same service as everything else. */
    public DialogService dialogs() {
        return dialogs;
    }

    public ExportViewModel(ContactsApi api, TaskExecutor executor, DialogService dialogs, ExportScope search,
            ExportScope selection) {
        this.api = Objects.requireNonNull(api, "api");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.search = search;
        this.selection = selection;
        if (selection != null) {
            choice.set(Choice.SELECTION);
        } else if (search != null) {
            choice.set(Choice.SEARCH);
        }
        canExport = Bindings.createBooleanBinding(() -> file.get() != null && !running.get() && !finished.get()
                && available(choice.get()), file, running, finished, choice);
    }

    /** A file name for the save dialog: {@code dialbook-contacts-2026-11-26.csv}. */
    public static String suggestedFileName(LocalDate today) {
        return "dialbook-contacts-" + today + ".csv";
    }

    public boolean available(Choice option) {
        return switch (option) {
            case ALL -> true;
            case SEARCH -> search != null;
            case SELECTION -> selection != null;
        };
    }

    /** What the option exports, for its label: "contacts matching "asha"", "12 selected contacts". */
    public String describe(Choice option) {
        return switch (option) {
            case ALL -> "All contacts";
            case SEARCH -> search == null ? "The current search (none)" : capitalise(search.description());
            case SELECTION -> selection == null ? "The selection (nothing selected)" : capitalise(selection.description());
        };
    }

    /** Starts the export in the background; progress and the outcome arrive through the properties. */
    public void export() {
        if (!canExport.get()) {
            return;
        }
        ExportScope scope = switch (choice.get()) {
            case ALL -> ExportScope.all();
            case SEARCH -> search;
            case SELECTION -> selection;
        };
        Path target = file.get();
        ExportOptions options = new ExportOptions(byteOrderMark.get(), systemColumns.get());
        CancelToken token = new CancelToken();
        cancel = token;
        running.set(true);
        progress.set(-1);
        status.set("Starting…");
        job = BackgroundTask.titled("Export", work -> new ContactExporter(api).export(scope, target, options,
                (done, total) -> {
                    if (work.isCancelled()) {
                        token.cancel();
                    }
                    work.update(done, total, total < 0 ? "Reading contacts…" : done + " of " + total + " contacts");
                }, token))
                .showingWaitsOf(api, token::isCancelled)
                .onSuccess(result -> {
                    settle();
                    succeeded(result);
                })
                .onFailure(error -> {
                    settle();
                    if (token.isCancelled()) {
                        // Cancel during a wait (rate limit, outage) ends the call with an error: it is a cancel.
                        status.set("Cancelled; no file was written.");
                        return;
                    }
                    status.set("The export failed; no file was written.");
                    dialogs.showError("Export failed", error);
                })
                .onCancelled(() -> {
                    settle();
                    status.set("Cancelled; no file was written.");
                })
                .executeWith(executor);
        if (running.get()) {
            // Still running (the app's executor): follow the job's progress until it ends.
            progress.bind(job.progressProperty());
            status.bind(job.messageProperty());
        }
    }

    /** The job is over: stop following it, before the outcome is shown. */
    private void settle() {
        progress.unbind();
        status.unbind();
        running.set(false);
    }

    private void succeeded(ExportResult result) {
        if (!result.completed()) {
            status.set("Cancelled; no file was written.");
            return;
        }
        progress.set(1);
        status.set("Exported " + result.contacts() + (result.contacts() == 1 ? " contact" : " contacts") + ".");
        finished.set(true);
        dialogs.showInfo("Export finished", "Exported " + result.contacts()
                + (result.contacts() == 1 ? " contact" : " contacts") + " to\n" + result.file());
    }

    /** Stops a running export; it ends without writing the file. */
    public void cancel() {
        if (cancel != null) {
            cancel.cancel();
        }
        if (job != null) {
            job.cancel();
        }
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public ObjectProperty<Choice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty byteOrderMarkProperty() {
        return byteOrderMark;
    }

    public BooleanProperty systemColumnsProperty() {
        return systemColumns;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True once a file was written; the dialog then closes. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the total is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canExportBinding() {
        return canExport;
    }
}
