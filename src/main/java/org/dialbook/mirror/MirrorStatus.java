package org.dialbook.mirror;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What the mirror covers, for the status bar and for searches made before it is complete.
 *
 * @param mirrored contacts in the mirror
 * @param serverTotal the account's total at the last sync, or -1 before the first page
 * @param complete the whole account has been read at least once
 * @param lastSynced when a sync last finished, or null
 * @param passOffset where a running pass over the account stands, or -1
 */
public record MirrorStatus(long mirrored, int serverTotal, boolean complete, Instant lastSynced, int passOffset) {

    public Optional<Instant> lastSyncedAt() {
        return Optional.ofNullable(lastSynced);
    }

    /** "searched 45,000 of 100,000 contacts; indexing…" while incomplete; empty once complete. */
    public Optional<String> coverage() {
        if (complete) {
            return Optional.empty();
        }
        if (serverTotal < 0) {
            return Optional.of(String.format(Locale.ROOT, "searched %,d contacts; indexing…", mirrored));
        }
        return Optional.of(String.format(Locale.ROOT, "searched %,d of %,d contacts; indexing…", mirrored,
                Math.max(serverTotal, mirrored)));
    }
}
