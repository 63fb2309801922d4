package org.dialbook.mirror;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.dialbook.api.CampaignList;
import org.dialbook.api.ListQuery;
import org.dialbook.api.ListsClient;
import org.dialbook.api.ListsQuery;
import org.dialbook.api.Page;

/**
 * Brings the mirror's lists and their members up to date, every read through the same
 * {@link ReadGate} as the contacts' sync, so the user's clicks still never meet a 429.
 *
 * <ul>
 *   <li>The account's lists are read whole (an account has few; 20 a read).
 *   <li>A list's members are walked (20 a read) when the mirror never walked it, when the server's
 *       count differs from the members the mirror holds, or on a full sync. The contacts a walk
 *       reads go into the mirror too, at no extra cost.
 *   <li>A list whose count did not change can still have had one contact swapped for another
 *       behind Dialbook's back; so each incremental sync also re-walks the small list walked
 *       longest ago (at most {@link #SWEEP_MEMBERS} members), a slow sweep like the contacts'.
 * </ul>
 * A walk cut short (cancel, failure) leaves the members known before it in place.
 */
public final class ListSync {
    /** The largest list the slow sweep re-walks with an unchanged count: 50 reads. */
    static final int SWEEP_MEMBERS = 1000;

    /** The two reads the list sync makes. */
    public interface Source {
        Page<CampaignList> lists(ListsQuery query);

        /** A page of the list's contacts, as the API returned them. */
        Page<JsonObject> members(String listSid, int offset);

        static Source of(ListsClient client) {
            return new Source() {
                @Override
                public Page<CampaignList> lists(ListsQuery query) {
                    return client.lists(query);
                }

                @Override
                public Page<JsonObject> members(String listSid, int offset) {
                    return client.contactsJson(listSid, offset, ListQuery.MAX_LIMIT);
                }
            };
        }
    }

    /** What a list sync did. */
    public record Result(int reads, int lists, int walked, boolean cancelled) {
    }

    private final Mirror mirror;
    private final Source source;
    private final ReadGate gate;
    private final Clock clock;
    private int reads;

    public ListSync(Mirror mirror, Source source, ReadGate gate, Clock clock) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.source = Objects.requireNonNull(source, "source");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs one list sync. Blocking: call it from a background task. API failures propagate; what was
     * stored before them is kept.
     *
     * @param full walk every list's members, whatever the counts say
     * @param cancelled polled between reads
     */
    public Result run(boolean full, BooleanSupplier cancelled) {
        reads = 0;
        int walked = 0;
        try {
            List<CampaignList> lists = new ArrayList<>();
            ListsQuery query = ListsQuery.firstPage();
            while (true) {
                if (cancelled.getAsBoolean()) {
                    return new Result(reads, lists.size(), 0, true);
                }
                Page<CampaignList> page = read(() -> source.lists(query.withOffset(lists.size())));
                lists.addAll(page.items());
                if (!page.hasNext() || page.items().isEmpty()) {
                    break;
                }
            }
            MirrorLists stored = mirror.lists();
            stored.replaceAll(lists);
            Map<String, MirrorLists.Walked> state = stored.walkedState();
            List<CampaignList> toWalk = new ArrayList<>();
            for (CampaignList list : lists) {
                MirrorLists.Walked walk = state.get(list.sid());
                boolean changed = walk == null || !walk.known()
                        || list.contactCount() == null || list.contactCount() != walk.members();
                if (full || changed) {
                    toWalk.add(list);
                }
            }
            if (!full) {
                lists.stream()
                        .filter(list -> !toWalk.contains(list))
                        .filter(list -> list.contactCount() != null && list.contactCount() <= SWEEP_MEMBERS)
                        .min(Comparator.comparing(list -> {
                            String at = state.get(list.sid()).walkedAt();
                            return at == null ? "" : at;
                        }))
                        .ifPresent(toWalk::add);
            }
            for (CampaignList list : toWalk) {
                if (!walk(list.sid(), cancelled)) {
                    return new Result(reads, lists.size(), walked, true);
                }
                walked++;
            }
            return new Result(reads, lists.size(), walked, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(reads, 0, walked, true);
        }
    }

    /** Reads every member of one list; returns false when cancelled (nothing of the walk is stored then). */
    private boolean walk(String listSid, BooleanSupplier cancelled) throws InterruptedException {
        Set<String> members = new LinkedHashSet<>();
        int offset = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                return false;
            }
            int from = offset;
            Page<JsonObject> page = read(() -> source.members(listSid, from));
            List<JsonObject> contacts = new ArrayList<>(page.items().size());
            for (JsonObject contact : page.items()) {
                JsonElement sid = contact.get("sid");
                if (sid != null && sid.isJsonPrimitive()) {
                    members.add(sid.getAsString());
                    contacts.add(contact);
                }
            }
            // The list's contacts are whole contacts: they refresh the mirror's copies for free.
            mirror.putJson(contacts);
            offset += page.items().size();
            if (!page.hasNext() || page.items().isEmpty()) {
                break;
            }
        }
        mirror.lists().replaceMembers(listSid, members, clock.instant().toString());
        return true;
    }

    private interface Read<T> {
        T run();
    }

    private <T> T read(Read<T> call) throws InterruptedException {
        gate.acquire();
        reads++;
        return call.run();
    }
}
