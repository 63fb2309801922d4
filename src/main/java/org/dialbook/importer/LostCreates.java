package org.dialbook.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.dialbook.api.ContactsApi;
import org.dialbook.contact.PhoneRule;

/**
 * Settles a single create whose answer was lost, the way an import settles a lost batch: it lists the
 * account newest-first back to when the request left (minus a minute for clock skew) and looks for
 * the number. Used by {@code dialbook contacts create}, so the user is told "created" or "not
 * created" instead of being left to guess.
 */
public final class LostCreates {
    /** How far before the request a contact may be dated and still be ours: servers' clocks drift. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private LostCreates() {
    }

    /** False for a number no phone rule accepts: nothing in the account could be matched to it. */
    public static boolean canCheck(PhoneRule phones, String number) {
        return phones.keyOf(number) != 0;
    }

    /**
     * @param phones the rule the account's numbers are keyed by (a landline with its STD prefix matches its E.164)
     * @param number the number that was sent; see {@link #canCheck}
     * @param sentAt when the create left, by this computer's clock
     * @return the sid of the contact the lost create made, or empty when the account has none
     * @throws org.dialbook.api.ApiException when the account cannot be listed
     */
    public static Optional<String> find(ContactsApi api, PhoneRule phones, String number, Instant sentAt) {
        try {
            Map<Long, String> found = new Reconciler(api, CLOCK_SKEW, phones)
                    .find(Map.of(1L, phones.keyOf(number)), sentAt, null);
            return Optional.ofNullable(found.get(1L));
        } catch (IOException e) {
            // Only the journal is read from disk, and there is none here.
            throw new UncheckedIOException(e);
        }
    }
}
