package org.dialbook.app;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Consumer;
import org.dialbook.api.ContactsClient;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.mirror.SyncProgress;

/** What {@code sync} and {@code contacts find} share: opening the mirror, and a sync with a progress bar. */
final class MirrorCli {
    private static final int BAR_WIDTH = 30;

    private MirrorCli() {
    }

    /** Opens the account's mirror; a file set aside is reported on stderr. */
    static Mirror open(AppDirs dirs, ContactsClient client, PrintWriter err) {
        Mirror mirror = new MirrorFiles(dirs.data(), Clock.systemUTC()).open(client.settings());
        mirror.setAsideNotice().ifPresent(err::println);
        return mirror;
    }

    /**
     * Syncs within {@code sharePercent}% of the read budget (unlimited on the sandbox), drawing a
     * progress bar on stderr when it is a terminal.
     */
    static MirrorSync.Result sync(Mirror mirror, ContactsClient client, MirrorSync.Mode mode, int sharePercent,
            boolean terminal, PrintWriter err) {
        ReadGate gate = ReadGate.forClient(client, sharePercent);
        MirrorSync sync = new MirrorSync(mirror, ContactPages.of(client), gate, Clock.systemUTC());
        boolean[] drawn = {false};
        Consumer<SyncProgress> bar = progress -> {
            if (terminal) {
                err.print("\r" + bar(progress));
                err.flush();
                drawn[0] = true;
            }
        };
        try {
            return sync.run(mode, bar, () -> Thread.currentThread().isInterrupted());
        } finally {
            if (drawn[0]) {
                err.println();
                err.flush();
            }
        }
    }

    /** {@code [#########.....................] Indexing your contacts: 45,000 of 100,000, about 9 min left}. */
    static String bar(SyncProgress progress) {
        int filled = progress.total() <= 0 ? BAR_WIDTH
                : (int) Math.min(BAR_WIDTH, BAR_WIDTH * progress.done() / progress.total());
        // Pad so a shorter line fully covers the one it redraws.
        return String.format("[%s%s] %-70s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled), progress.describe());
    }
}
