package org.dialbook.mirror;

import java.sql.SQLException;
import java.time.Instant;

/**
 * The sync's bookkeeping, kept in the mirror's {@code meta} table and saved in the same transaction
 * as the page it describes, which is what makes a full sync resumable after a kill.
 *
 * @param passGen the current pass; every contact it sees is stamped with it
 * @param passing a pass over the whole account is under way
 * @param passOffset where the pass continues
 * @param complete a pass has ended at least once: the mirror holds the whole account
 * @param serverTotal the account's {@code total} at the last page read
 * @param lastSynced when a sync last finished, or null
 * @param highWater date_created of the newest contact a sync has read: the incremental walk, newest
 *     first, stops there. Dialbook's own creates do not move it, so that a contact created elsewhere
 *     just before one of ours is still found.
 */
record SyncState(long passGen, boolean passing, int passOffset, boolean complete, int serverTotal,
        Instant lastSynced, Instant highWater) {

    static SyncState load(Mirror mirror) throws SQLException {
        return new SyncState(
                longOr(mirror.metaLocked("pass_gen"), 0),
                "true".equals(mirror.metaLocked("passing")),
                (int) longOr(mirror.metaLocked("pass_offset"), 0),
                "true".equals(mirror.metaLocked("complete")),
                (int) longOr(mirror.metaLocked("server_total"), -1),
                instant(mirror.metaLocked("last_synced")),
                instant(mirror.metaLocked("high_water")));
    }

    void save(Mirror mirror) throws SQLException {
        mirror.putMetaLocked("pass_gen", Long.toString(passGen));
        mirror.putMetaLocked("passing", Boolean.toString(passing));
        mirror.putMetaLocked("pass_offset", Integer.toString(passOffset));
        mirror.putMetaLocked("complete", Boolean.toString(complete));
        mirror.putMetaLocked("server_total", Integer.toString(serverTotal));
        if (lastSynced != null) {
            mirror.putMetaLocked("last_synced", lastSynced.toString());
        }
        if (highWater != null) {
            mirror.putMetaLocked("high_water", highWater.toString());
        }
    }

    SyncState startPass() {
        return new SyncState(passGen + 1, true, 0, complete, serverTotal, lastSynced, highWater);
    }

    SyncState at(int offset, int total) {
        return new SyncState(passGen, passing, offset, complete, total, lastSynced, highWater);
    }

    SyncState withTotal(int total) {
        return new SyncState(passGen, passing, passOffset, complete, total, lastSynced, highWater);
    }

    SyncState passEnded() {
        return new SyncState(passGen, false, 0, true, serverTotal, lastSynced, highWater);
    }

    SyncState synced(Instant when) {
        return new SyncState(passGen, passing, passOffset, complete, serverTotal, when, highWater);
    }

    /** Moves the high-water mark forward to {@code seen} when it is newer. */
    SyncState sawCreated(Instant seen) {
        if (seen == null || (highWater != null && !seen.isAfter(highWater))) {
            return this;
        }
        return new SyncState(passGen, passing, passOffset, complete, serverTotal, lastSynced, seen);
    }

    private static long longOr(String text, long fallback) {
        return text == null ? fallback : Long.parseLong(text);
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
