package org.dialbook.app;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.dialbook.api.ContactsClient;
import org.dialbook.mirror.ContactPages;
import org.dialbook.mirror.ListSync;
import org.dialbook.mirror.Mirror;
import org.dialbook.mirror.MirrorException;
import org.dialbook.mirror.MirrorFiles;
import org.dialbook.mirror.MirrorLists;
import org.dialbook.mirror.MirrorSync;
import org.dialbook.mirror.ReadGate;
import org.dialbook.mirror.SyncProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What {@code sync} and {@code contacts find} share: opening the mirror, and a sync with a progress bar. */
final class MirrorCli {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorCli.class);
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
     * The account's mirror when one exists (a sync or the window made it), else null: the lists
     * commands use it without creating one.
     */
    static Mirror existing(AppDirs dirs, ContactsClient client, PrintWriter err) {
        Path file = new MirrorFiles(dirs.data(), Clock.systemUTC()).fileFor(client.settings());
        return Files.isRegularFile(file) ? open(dirs, client, err) : null;
    }

    /**
     * Tells an existing mirror what the server answered to a list write, so the window and
     * {@code contacts find --list} see it at once. The server holds the truth: a mirror that cannot
     * take it is only logged, and the next sync corrects it.
     */
    static void remember(AppDirs dirs, ContactsClient client, Consumer<MirrorLists> change) {
        try (Mirror mirror = existing(dirs, client, new PrintWriter(Writer.nullWriter()))) {
            if (mirror != null) {
                change.accept(mirror.lists());
            }
        } catch (MirrorException e) {
            LOG.warn("Could not update the local mirror's lists; the next sync will: {}", e.getMessage());
        }
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
            MirrorSync.Result result = sync.run(mode, bar, () -> Thread.currentThread().isInterrupted());
            if (result.cancelled()) {
                return result;
            }
            // The lists and their members, within the same read budget.
            ListSync.Result lists = new ListSync(mirror, ListSync.Source.of(client.lists()), gate, Clock.systemUTC())
                    .run(mode == MirrorSync.Mode.FULL, () -> Thread.currentThread().isInterrupted());
            return new MirrorSync.Result(result.reads() + lists.reads(), result.mirrored(), result.serverTotal(),
                    result.deleted(), result.complete(), lists.cancelled());
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
