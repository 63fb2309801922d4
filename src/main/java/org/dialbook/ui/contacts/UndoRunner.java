package org.dialbook.ui.contacts;

import java.util.function.Consumer;
import org.dialbook.api.ContactsApi;
import org.dialbook.jobs.CancelToken;
import org.dialbook.ui.UndoableImport;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.ImportProgressBridge;
import org.dialbook.ui.common.Progress;
import org.dialbook.ui.common.TaskExecutor;

/** Runs the undos of the contacts table's {@link UndoHistory} in the background. FX-free. */
final class UndoRunner {
    private final UndoHistory history;
    private final ContactsApi api;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Consumer<String> notice;
    private final Runnable reload;

    /**
     * @param notice the line under the table
     * @param reload shows the account as it now is
     */
    UndoRunner(UndoHistory history, ContactsApi api, TaskExecutor executor, DialogService dialogs,
            Consumer<String> notice, Runnable reload) {
        this.history = history;
        this.api = api;
        this.executor = executor;
        this.dialogs = dialogs;
        this.notice = notice;
        this.reload = reload;
    }

    /**
     * Edit → Undo (Ctrl+Z): reverses the newest change not undone yet, through the API, in the
     * background; then shows the account as it now is. An import's undo shows progress and can be
     * cancelled; a change only partly reversed stays in the history to be undone again.
     */
    void undoNewest() {
        history.next().ifPresent(entry -> {
            UndoHistory.Undo undo = entry.undo();
            if (!undo.claim()) {
                notice.accept(entry.description() + " is being undone already");
                return;
            }
            BackgroundTask.titled("Undoing " + entry.description(), progress -> undo.run(api, progress))
                    .showingWaitsOf(api)
                    .onSuccess(outcome -> {
                        undo.release(outcome);
                        if (outcome.complete()) {
                            history.markUndone(entry, outcome.message());
                        } else {
                            history.markPartlyUndone(entry, outcome.message());
                        }
                        notice.accept(outcome.message());
                        reload.run();
                    })
                    .onFailure(error -> {
                        undo.release(null);
                        dialogs.showError("Could not undo " + entry.description(), error);
                    })
                    .onCancelled(() -> {
                        undo.release(null);
                        notice.accept("Undo cancelled: " + entry.description() + " can be undone again");
                        reload.run();
                    })
                    .executeWith(executor);
        });
    }

    /**
     * Keeps a finished import's undo in this account's history, labelled "Import of contacts.csv (48
     * created)". It is the same undo as the wizard's button: whichever runs first uses it up.
     */
    void recordImport(UndoableImport finished) {
        history.record(finished.descriptionProperty(), new UndoHistory.Undo() {
            @Override
            public UndoHistory.Outcome run(ContactsApi unused, Progress progress) throws Exception {
                CancelToken token = new CancelToken();
                UndoableImport.Result result = finished.run(ImportProgressBridge.listener(progress, token), token);
                return new UndoHistory.Outcome(result.message(), result.complete());
            }

            @Override
            public boolean claim() {
                return finished.claim();
            }

            @Override
            public void release(UndoHistory.Outcome outcome) {
                finished.release(outcome == null ? null
                        : new UndoableImport.Result(outcome.message(), outcome.complete()));
            }
        }, finished.spentProperty());
    }
}
