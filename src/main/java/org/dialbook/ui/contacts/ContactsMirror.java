package org.dialbook.ui.contacts;

import java.time.Clock;
import org.dialbook.api.ContactsApi;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirroredContacts;
import org.dialbook.mirror.ReadGate;
import org.dialbook.ui.common.BackgroundTask;
import org.dialbook.ui.common.DialogService;
import org.dialbook.ui.common.TaskExecutor;

/**
 * What the contacts table gains from the account's mirror, kept out of {@link ContactsViewModel}:
 * the background sync, the offline banner, and the question before a number edit that would give
 * two contacts the same number.
 */
final class ContactsMirror {
    private final PageLoader pages;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final MirrorSyncViewModel sync;
    private final OfflineViewModel offline;
    private final MirroredContacts wholeBook;

    ContactsMirror(PageLoader pages, ContactsApi api, Mirror mirror, ContactPages source, ReadGate gate,
            TaskExecutor executor, DialogService dialogs, Clock clock, FilterChipsViewModel filters) {
        this.pages = pages;
        this.executor = executor;
        this.dialogs = dialogs;
        pages.setMirror(mirror);
        sync = new MirrorSyncViewModel(mirror, source, gate, executor, clock);
        sync.setOnSynced(() -> {
            filters.reloadChoices();
            if (pages.searchingMirror()) {
                // New contacts may match the search on screen; an unchanged page does not repaint.
                pages.refresh();
            }
        });
        offline = new OfflineViewModel(pages, executor, clock, sync::lastSynced);
        wholeBook = new MirroredContacts(api, mirror, gate, clock);
    }

    void start() {
        sync.start();
    }

    void stop() {
        sync.stop();
        offline.stop();
    }

    MirrorSyncViewModel sync() {
        return sync;
    }

    OfflineViewModel offline() {
        return offline;
    }

    /** The API for whole-book jobs (export of a search): searches and walks served by the mirror. */
    ContactsApi wholeBook() {
        return wholeBook;
    }

    /** Runs {@code save} unless another contact has {@code e164} and the user declines; else {@code revert}. */
    void unlessDuplicate(ContactRow row, String e164, Runnable save, Runnable revert) {
        Mirror mirror = pages.mirror();
        BackgroundTask.quiet(progress -> mirror.withNumber(e164).stream()
                .filter(contact -> !contact.sid().equals(row.sid())).toList())
                .onSuccess(others -> {
                    if (!others.isEmpty() && !dialogs.confirm("Same number as another contact", e164
                            + " already belongs to " + ContactsViewModel.describe(others.get(0))
                            + ". A campaign would dial it twice. Save the number anyway?", "Save anyway")) {
                        revert.run();
                        return;
                    }
                    save.run();
                })
                // The check is a courtesy: if the mirror cannot answer, the edit goes ahead.
                .onFailure(failure -> save.run())
                .executeWith(executor);
    }
}
