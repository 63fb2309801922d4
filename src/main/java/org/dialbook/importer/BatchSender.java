package org.dialbook.importer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.dialbook.api.ApiError;
import org.dialbook.api.ApiException;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.BulkResult;
import org.dialbook.api.Contact;
import org.dialbook.contact.ContactField;
import org.dialbook.api.ContactPatch;
import org.dialbook.api.ContactUpdate;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ItemOutcome;
import org.dialbook.api.NewContact;
import org.dialbook.api.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch and journals every row's outcome. Lost answers are reconciled against the account
 * before anything is re-sent; after {@link #MAX_ROUNDS} rounds the rest stay "unknown".
 */
final class BatchSender {
    static final int MAX_ROUNDS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BatchSender.class);

    private final ContactsApi api;
    private final ImportJournal journal;
    private final Reconciler reconciler;
    private final OutcomeCounter counter;
    private final Clock clock;
    /**
     * Requests in flight hold the read side; checking the account for lost answers takes the write
     * side, so every other request has journaled its outcomes first and its contacts are claimed.
     */
    private final ReadWriteLock inFlight = new ReentrantReadWriteLock();
    /** Contacts an answer reported created whose rows are not journaled yet (the other request in flight). */
    private final Set<String> answeredNotSettled = ConcurrentHashMap.newKeySet();

    BatchSender(ContactsApi api, ImportJournal journal, Reconciler reconciler, OutcomeCounter counter, Clock clock) {
        this.api = api;
        this.journal = journal;
        this.reconciler = reconciler;
        this.counter = counter;
        this.clock = clock;
    }

    /**
     * Sends one batch of creates and settles its rows. Its first request may be in flight together
     * with the batch before it; {@code turn} holds the rows back until that batch has settled, and
     * rounds after a lost answer run in this batch's turn.
     */
    void sendCreates(List<ValidatedRow> rows, BatchOrder.Turn turn) throws IOException, InterruptedException {
        List<ValidatedRow> unsettled = rows;
        for (int round = 1; !unsettled.isEmpty(); round++) {
            Instant at;
            List<ValidatedRow> unknown = new ArrayList<>();
            BulkResult<Contact> result;
            List<NewContact> contacts = new ArrayList<>(unsettled.size());
            unsettled.forEach(row -> contacts.add(row.contact()));
            if (round == 1) {
                turn.awaitStart();
            }
            inFlight.readLock().lock();
            try {
                at = clock.instant();
                journal.batchStarted("create", at, unsettled);
                if (round == 1) {
                    turn.started();
                }
                result = call(() -> createContacts(contacts), unsettled.size());
                answered(result, true);
            } finally {
                inFlight.readLock().unlock();
            }
            if (round == 1) {
                turn.awaitSettle();
            }
            for (ItemOutcome<Contact> item : result.items()) {
                ValidatedRow row = unsettled.get(item.index());
                switch (item.status()) {
                    case SUCCESS:
                        settle(row, RowOutcome.CREATED, item.value().sid(), row.note());
                        break;
                    case FAILURE:
                        settle(row, RowOutcome.FAILED, null, describe(item.error()));
                        break;
                    default:
                        unknown.add(row);
                }
            }
            journal.flush();
            answered(result, false);
            if (unknown.isEmpty()) {
                return;
            }
            LOG.info("{} rows of a create request got no answer; checking the account", unknown.size());
            Map<Long, String> found;
            inFlight.writeLock().lock();
            try {
                // The other request in flight has ended here: the contacts it was told of are claimed.
                found = reconciler.find(Reconciler.rowsOf(unknown), at, journal, answeredNotSettled);
            } catch (AuthenticationException e) {
                throw e;
            } catch (ApiException e) {
                // Cannot check now: leave them unknown; "Retry failed rows" checks the account first.
                for (ValidatedRow row : unknown) {
                    settle(row, RowOutcome.UNKNOWN, null, "the answer was lost and the account could not be "
                            + "checked (" + e.getMessage() + "); retry to check and send again");
                }
                journal.flush();
                return;
            } finally {
                inFlight.writeLock().unlock();
            }
            List<ValidatedRow> missing = new ArrayList<>();
            for (ValidatedRow row : unknown) {
                String sid = found.get(row.row());
                if (sid != null) {
                    settle(row, RowOutcome.CREATED, sid, "created; confirmed in the account after a lost answer");
                } else {
                    missing.add(row);
                }
            }
            journal.flush();
            if (round == MAX_ROUNDS) {
                for (ValidatedRow row : missing) {
                    settle(row, RowOutcome.UNKNOWN, null, "the answer was lost " + MAX_ROUNDS
                            + " times; the contact was not found in the account, retry to send it again");
                }
                journal.flush();
                return;
            }
            unsettled = missing;
        }
    }

    /**
     * The HTTP client reads only the sids of a bulk answer, which is all a row keeps; any other API
     * (a mirror, a wrapper) is called as it always was.
     */
    private BulkResult<Contact> createContacts(List<NewContact> contacts) {
        return api instanceof ContactsClient client ? client.createContactsForSids(contacts)
                : api.createContacts(contacts);
    }

    /**
     * Adds (or, once journaled, removes) the contacts an answer reports created, so that checking the
     * account for another batch's lost answer never claims a contact whose row is still to settle.
     */
    private void answered(BulkResult<Contact> result, boolean add) {
        for (ItemOutcome<Contact> item : result.items()) {
            if (item.status() == ItemOutcome.Status.SUCCESS && item.value() != null) {
                if (add) {
                    answeredNotSettled.add(item.value().sid());
                } else {
                    answeredNotSettled.remove(item.value().sid());
                }
            }
        }
    }

    /** Sends one batch of updates and settles its rows, in {@code turn} as {@link #sendCreates} does. */
    void sendUpdates(List<ValidatedRow> rows, List<String> sids, BatchOrder.Turn turn) throws InterruptedException {
        List<ValidatedRow> todoRows = rows;
        List<String> todoSids = sids;
        for (int round = 1; !todoRows.isEmpty(); round++) {
            List<ContactUpdate> updates = new ArrayList<>(todoRows.size());
            for (int i = 0; i < todoRows.size(); i++) {
                updates.add(new ContactUpdate(todoSids.get(i), patchOf(todoRows.get(i).contact())));
            }
            if (round == 1) {
                turn.awaitStart();
            }
            journal.batchStarted("update", clock.instant(), todoRows);
            if (round == 1) {
                turn.started();
            }
            BulkResult<Contact> result;
            inFlight.readLock().lock();
            try {
                result = call(() -> api.updateContacts(updates), todoRows.size());
            } finally {
                inFlight.readLock().unlock();
            }
            if (round == 1) {
                turn.awaitSettle();
            }
            List<ValidatedRow> againRows = new ArrayList<>();
            List<String> againSids = new ArrayList<>();
            for (ItemOutcome<Contact> item : result.items()) {
                ValidatedRow row = todoRows.get(item.index());
                String sid = todoSids.get(item.index());
                if (item.status() == ItemOutcome.Status.SUCCESS) {
                    settle(row, RowOutcome.UPDATED, sid, "updated the existing contact");
                } else if (item.status() == ItemOutcome.Status.FAILURE) {
                    settle(row, RowOutcome.FAILED, sid, describe(item.error()));
                } else if (round == MAX_ROUNDS) {
                    settle(row, RowOutcome.UNKNOWN, sid, "the update's answer was lost " + MAX_ROUNDS + " times");
                } else {
                    // An update is idempotent, so a lost answer is simply sent again.
                    againRows.add(row);
                    againSids.add(sid);
                }
            }
            journal.flush();
            todoRows = againRows;
            todoSids = againSids;
        }
    }

    private void settle(ValidatedRow row, RowOutcome outcome, String sid, String detail) {
        journal.outcome(row.row(), outcome, sid, detail, row.values());
        counter.add(outcome);
    }

    /** Runs a bulk call; a whole-call failure becomes one outcome per item, except bad credentials. */
    private static BulkResult<Contact> call(java.util.function.Supplier<BulkResult<Contact>> bulk, int size) {
        try {
            return bulk.get();
        } catch (AuthenticationException e) {
            throw e;
        } catch (TransportException e) {
            ApiError error = e.toApiError();
            List<ItemOutcome<Contact>> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(e.outcomeUnknown() ? ItemOutcome.unknown(i, error) : ItemOutcome.failure(i, error));
            }
            return new BulkResult<>(items);
        } catch (ApiException e) {
            ApiError error = e.toApiError();
            List<ItemOutcome<Contact>> items = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(ItemOutcome.failure(i, error));
            }
            return new BulkResult<>(items);
        }
    }

    private static String describe(ApiError error) {
        if (error == null) {
            return "failed without an error description";
        }
        String summary = error.summary();
        return summary.isEmpty() ? "failed (HTTP " + error.httpCode() + ")" : summary;
    }

    static ContactPatch patchOf(NewContact contact) {
        ContactPatch patch = ContactPatch.empty();
        patch = setIfPresent(patch, ContactField.FIRST_NAME, contact.firstName());
        patch = setIfPresent(patch, ContactField.LAST_NAME, contact.lastName());
        patch = setIfPresent(patch, ContactField.COMPANY_NAME, contact.companyName());
        patch = setIfPresent(patch, ContactField.EMAIL, contact.email());
        patch = setIfPresent(patch, ContactField.TAG, contact.tag());
        if (contact.customField() != null) {
            patch = patch.with(ContactField.CUSTOM_FIELD, contact.customField());
        }
        return patch;
    }

    private static ContactPatch setIfPresent(ContactPatch patch, ContactField field, String value) {
        return value == null ? patch : patch.with(field, value);
    }
}
