package org.dialbook.api;

import java.util.List;
import java.util.stream.Stream;

/**
 * The six calls of the Exotel Contacts API v2, typed. {@link ContactsClient} implements it over
 * HTTP; everything above {@code api} depends on this interface.
 *
 * <p>Single-resource calls throw an {@link ApiException} subtype on failure. Bulk calls return a
 * {@link BulkResult} with one outcome per input item in input order, and throw only when the whole
 * call could not be attempted (authentication, for instance).
 */
public interface ContactsApi {

    /** Creates any number of contacts, sent in requests of at most 5000. */
    BulkResult<Contact> createContacts(List<NewContact> contacts);

    Contact updateContact(String sid, ContactPatch patch);

    /** Updates any number of contacts, sent in requests of at most 5000. */
    BulkResult<Contact> updateContacts(List<ContactUpdate> updates);

    Contact getContact(String sid);

    Page<Contact> listContacts(ListQuery query);

    /** Returns the deleted contact. */
    Contact deleteContact(String sid);

    /**
     * Walks every page from {@code query.offset()} until {@code total}, for bulk jobs. Pages are
     * fetched lazily as the stream is consumed; a failure surfaces as an {@link ApiException}.
     */
    Stream<Contact> streamContacts(ListQuery query);

    /**
     * How many bulk writes one job may keep in flight at once through this API, when the job asks for
     * more than one. The default is one, one call after another: what a wrapper that counts, fails or
     * records the calls expects.
     */
    default int bulkWritesInFlight() {
        return 1;
    }

    /**
     * Tells {@code listener} whenever a call waits (a retry, the rate budget, an outage), so long jobs
     * can say why nothing moves. Implementations without waits ignore it.
     */
    default WaitListener.Subscription onWait(WaitListener listener) {
        return () -> { };
    }
}
