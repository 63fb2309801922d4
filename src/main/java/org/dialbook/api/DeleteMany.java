package org.dialbook.api;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one loop that deletes many contacts, one DELETE each (the API has no bulk delete): used by the
 * table's Delete, the import's Undo and {@code contacts delete}. It stops between calls when asked
 * to, and hands every outcome to a {@link Listener}, which decides what a failure means (a listener
 * may throw to stop the loop, e.g. when the server is out of reach).
 */
public final class DeleteMany {

    /** What happened to each contact, in order. */
    public interface Listener {
        void deleted(String sid, Contact deleted);

        /** The contact was not deleted; a {@link NotFoundException} means it was already gone. */
        void failed(String sid, ApiException error);

        /** After each contact: {@code done} of {@code total} handled. */
        default void progress(int done, int total) {
        }
    }

    /**
     * How far the loop got.
     *
     * @param handled contacts deleted or failed
     * @param cancelled whether it stopped because {@code cancelled} said so
     */
    public record Result(int handled, boolean cancelled) {
    }

    private DeleteMany() {
    }

    public static Result run(ContactsApi api, List<String> sids, BooleanSupplier cancelled, Listener listener) {
        for (int i = 0; i < sids.size(); i++) {
            if (cancelled.getAsBoolean()) {
                return new Result(i, true);
            }
            String sid = sids.get(i);
            try {
                listener.deleted(sid, api.deleteContact(sid));
            } catch (ApiException e) {
                listener.failed(sid, e);
            }
            listener.progress(i + 1, sids.size());
        }
        return new Result(sids.size(), false);
    }
}
