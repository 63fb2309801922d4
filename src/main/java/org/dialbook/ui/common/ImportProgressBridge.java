package org.dialbook.ui.common;

import org.dialbook.importer.ImportListener;
import org.dialbook.importer.ProgressText;
import org.dialbook.jobs.CancelToken;

/**
 * The import engine's progress into a job's {@link Progress}, and the job's cancel into the engine's
 * token: one place for the wizard and for Edit → Undo of an import.
 */
public final class ImportProgressBridge {

    private ImportProgressBridge() {
    }

    public static ImportListener listener(Progress sink, CancelToken token) {
        return snapshot -> {
            if (sink.isCancelled()) {
                token.cancel();
            }
            long total = snapshot.rowsTotal() > 0 ? snapshot.rowsTotal() : -1;
            sink.update(snapshot.rowsDone(), total, ProgressText.describe(snapshot));
        };
    }
}
