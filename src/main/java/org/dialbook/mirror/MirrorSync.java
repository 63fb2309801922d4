package org.dialbook.mirror;

import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.dialbook.api.ListQuery;
import org.dialbook.api.Page;
import org.dialbook.api.SortBy;

/**
 * Brings a {@link Mirror} up to date with the server, every read through the {@link ReadGate}.
 *
 * <ul>
 *   <li><b>A pass</b> walks the whole account oldest first ({@code date_created:asc}), saving its
 *       offset with each page, so a killed full sync resumes where it stopped. Every contact read is
 *       stamped with the pass; at the end, contacts not stamped were deleted on the server (each is
 *       checked with a GET first when there are few).
 *   <li><b>An incremental sync</b> reads newest first ({@code date_created:desc}) until it reaches
 *       the newest contact an earlier sync read, then advances the slow sweep, a pass a few pages
 *       per sync, which finds edits and deletions made outside Dialbook. When the server's
 *       {@code total} and the mirror disagree, the sweep runs to its end at once.
 * </ul>
 */
public final class MirrorSync {
    /** Pages of the slow sweep per incremental sync. */
    static final int SWEEP_PAGES = 5;
    /** Unseen contacts checked one by one at the end of a pass; more than this are trusted as deleted. */
    static final int VERIFY_LIMIT = 100;
    /** Contacts per transaction while a pass writes. */
    private static final int WRITE_BATCH = 1000;
    /** New contacts held to be written oldest first, so the mirror's order stays date created. */
    private static final int NEW_BUFFER = 10_000;

    private final Mirror mirror;
    private final ContactPages pages;
    private final ReadGate gate;
    private final Clock clock;
    private int reads;

    public MirrorSync(Mirror mirror, ContactPages pages, ReadGate gate, Clock clock) {
        this.mirror = mirror;
        this.pages = pages;
        this.gate = gate;
        this.clock = clock;
    }

    /** What a sync should do. */
    public enum Mode {
        /** New contacts, then some of the sweep; a full pass when the mirror is not complete yet. */
        INCREMENTAL,
        /** Read the whole account (resuming a pass that was cut short). */
        FULL
    }

    /** What a sync did. */
    public record Result(int reads, long mirrored, int serverTotal, int deleted, boolean complete,
            boolean cancelled) {
    }

    /**
     * Runs one sync. Blocking: call it from a background task. API failures propagate as the client
     * throws them; everything read before them is kept.
     *
     * @param progress told after every page of a pass
     * @param cancelled polled between pages; a cancelled sync keeps what it read and can resume
     */
    public Result run(Mode mode, Consumer<SyncProgress> progress, BooleanSupplier cancelled) {
        reads = 0;
        int[] deleted = {0};
        boolean stopped;
        try {
            SyncState state = mirror.syncState();
            if (!state.passing() && (mode == Mode.FULL || !state.complete())) {
                state = state.startPass();
                mirror.saveState(state);
            }
            if (state.passing() && (mode == Mode.FULL || !state.complete())) {
                stopped = pass(state, Integer.MAX_VALUE, progress, cancelled, deleted);
            } else {
                state = newest(state);
                if (state == null) {
                    stopped = true;
                } else {
                    boolean disagree = state.serverTotal() != mirror.size();
                    if (!state.passing()) {
                        state = state.startPass();
                        mirror.saveState(state);
                    }
                    stopped = pass(state, disagree ? Integer.MAX_VALUE : SWEEP_PAGES, progress, cancelled, deleted);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
        SyncState state = mirror.syncState();
        if (!stopped) {
            state = state.synced(clock.instant());
            mirror.saveState(state);
        }
        return new Result(reads, mirror.size(), state.serverTotal(), deleted[0], state.complete(), stopped);
    }

    /** Reads newest first until the high-water mark; returns the new state, or null when cancelled. */
    private SyncState newest(SyncState start) throws InterruptedException {
        SyncState state = start;
        List<JsonObject> fresh = new ArrayList<>();
        ListQuery query = ListQuery.firstPage().withSortBy(SortBy.parse("date_created:desc"));
        Instant newestSeen = null;
        int offset = 0;
        while (true) {
            Page<JsonObject> page = read(query.withOffset(offset));
            state = state.withTotal(page.total());
            boolean reachedKnown = false;
            for (JsonObject contact : page.items()) {
                Instant created = created(contact);
                if (newestSeen == null) {
                    newestSeen = created;
                }
                if (start.highWater() != null && created != null && !created.isAfter(start.highWater())) {
                    reachedKnown = true;
                    break;
                }
                fresh.add(contact);
            }
            offset += page.items().size();
            if (fresh.size() >= NEW_BUFFER) {
                writeOldestFirst(fresh, null);
            }
            if (reachedKnown || !page.hasNext() || page.items().isEmpty()) {
                break;
            }
        }
        writeOldestFirst(fresh, state.sawCreated(newestSeen));
        return mirror.syncState();
    }

    private void writeOldestFirst(List<JsonObject> fresh, SyncState state) {
        Collections.reverse(fresh);
        List<MirrorRow> rows = new ArrayList<>(fresh.size());
        fresh.forEach(json -> rows.add(MirrorRow.fromJson(json)));
        fresh.clear();
        if (state == null) {
            mirror.write(rows, null);
        } else {
            mirror.write(rows, state);
        }
    }

    /**
     * Continues the pass for at most {@code maxPages}; returns true when cancelled. Pages are written
     * a few hundred contacts to a transaction (one per page would make the index the bottleneck); a
     * kill loses only what was not yet written, and the next sync reads it again.
     */
    private boolean pass(SyncState start, int maxPages, Consumer<SyncProgress> progress, BooleanSupplier cancelled,
            int[] deleted) throws InterruptedException {
        SyncState state = start;
        Instant began = clock.instant();
        int firstOffset = state.passOffset();
        ListQuery query = ListQuery.firstPage();
        List<MirrorRow> pending = new ArrayList<>();
        try {
            for (int page = 0; page < maxPages; page++) {
                if (cancelled.getAsBoolean()) {
                    return true;
                }
                Page<JsonObject> answer = read(query.withOffset(state.passOffset()));
                Instant newest = null;
                for (JsonObject contact : answer.items()) {
                    pending.add(MirrorRow.fromJson(contact));
                    newest = created(contact);
                }
                state = state.at(state.passOffset() + answer.items().size(), answer.total()).sawCreated(newest);
                boolean last = answer.items().isEmpty() || !answer.hasNext();
                if (last || pending.size() >= WRITE_BATCH) {
                    mirror.write(pending, state);
                    pending.clear();
                }
                progress.accept(progressOf(state, firstOffset, began));
                if (last) {
                    deleted[0] += endPass(state);
                    return false;
                }
            }
            return false;
        } finally {
            if (!pending.isEmpty()) {
                mirror.write(pending, state);
            }
        }
    }

    private int endPass(SyncState state) throws InterruptedException {
        List<String> unseen = mirror.unseenSince(state.passGen(), Integer.MAX_VALUE);
        int deleted = 0;
        if (unseen.size() > VERIFY_LIMIT) {
            // Many at once: a deletion made elsewhere, not pages shifting under the pass. One that
            // was only shifted comes back with the next pass.
            mirror.delete(unseen);
            deleted = unseen.size();
        } else {
            List<String> gone = new ArrayList<>();
            for (String sid : unseen) {
                gate.acquire();
                reads++;
                Optional<JsonObject> contact = pages.get(sid);
                if (contact.isPresent()) {
                    mirror.write(List.of(MirrorRow.fromJson(contact.get())), state);
                } else {
                    gone.add(sid);
                }
            }
            mirror.delete(gone);
            deleted = gone.size();
        }
        mirror.saveState(state.passEnded());
        mirror.checkpoint();
        return deleted;
    }

    private Page<JsonObject> read(ListQuery query) throws InterruptedException {
        gate.acquire();
        reads++;
        return pages.list(query);
    }

    private SyncProgress progressOf(SyncState state, int firstOffset, Instant began) {
        long done = state.passOffset();
        long total = Math.max(done, state.serverTotal());
        Duration elapsed = Duration.between(began, clock.instant());
        long readNow = done - firstOffset;
        Duration left = null;
        if (readNow > 0 && elapsed.toMillis() > 0) {
            left = Duration.ofMillis(elapsed.toMillis() * (total - done) / readNow);
        }
        return new SyncProgress(done, total, left);
    }

    private static Instant created(JsonObject contact) {
        if (!contact.has("date_created") || !contact.get("date_created").isJsonPrimitive()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(contact.get("date_created").getAsString()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
