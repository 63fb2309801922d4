package org.dialbook.sandbox;

import java.util.Map;
import org.dialbook.contact.ContactField;

/**
 * A contact as the sandbox stores it.
 *
 * @param seq insertion sequence: the tiebreak for equal sort keys and the row's primary key
 * @param customField the JSON text exactly as the client sent it, or null
 * @param createdMicros microseconds since the epoch; strictly increasing across contacts
 */
record StoredContact(
        long seq,
        String sid,
        String accountSid,
        String number,
        String firstName,
        String lastName,
        String companyName,
        String email,
        String tag,
        String customField,
        long createdMicros,
        long updatedMicros) {

    /** A copy with {@code patch} applied (a null value clears the field) and a new update time. */
    StoredContact apply(Map<ContactField, String> patch, long newUpdatedMicros) {
        String newNumber = number;
        String newFirst = firstName;
        String newLast = lastName;
        String newCompany = companyName;
        String newEmail = email;
        String newTag = tag;
        String newCustom = customField;
        for (Map.Entry<ContactField, String> change : patch.entrySet()) {
            String value = change.getValue();
            switch (change.getKey()) {
                case NUMBER -> newNumber = value;
                case FIRST_NAME -> newFirst = value;
                case LAST_NAME -> newLast = value;
                case COMPANY_NAME -> newCompany = value;
                case EMAIL -> newEmail = value;
                case TAG -> newTag = value;
                case CUSTOM_FIELD -> newCustom = value;
                default -> throw new IllegalArgumentException("Unhandled field " + change.getKey());
            }
        }
        return new StoredContact(seq, sid, accountSid, newNumber, newFirst, newLast, newCompany, newEmail, newTag,
                newCustom, createdMicros, newUpdatedMicros);
    }

    /** The resource path, as the API reports it in {@code uri}. */
    String uri() {
        return "/v2/accounts/" + accountSid + "/contacts/" + sid;
    }
}
