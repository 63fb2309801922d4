package org.dialbook.api;

import com.google.gson.JsonParseException;

/** Turns one item of a bulk answer into an {@link ItemOutcome}; for contacts, checking the echoed number. */
final class BulkOutcomes {
    private BulkOutcomes() {
    }

    /** The failure of an answer item, with a message when the server gave no {@code error_data}. */
    static ApiError failureOf(Envelope.Item result, Envelope envelope) {
        return result.error() != null ? result.error()
                : new ApiError(result.code(), null, "Failed", "the server gave no error_data"
                        + BulkSender.requestIdSuffix(envelope));
    }

    static ItemOutcome<Contact> of(int index, Envelope.Item result, String expectedNumber, Envelope envelope) {
        if (!result.success()) {
            return new ItemOutcome<>(index, ItemOutcome.Status.FAILURE, result.code(), null, failureOf(result, envelope));
        }
        if (!result.hasData()) {
            return ItemOutcome.unknown(index, new ApiError(result.code(), null,
                    "The server reported success but returned no contact" + BulkSender.requestIdSuffix(envelope), null));
        }
        Contact contact;
        try {
            contact = result.readContact();
        } catch (JsonParseException e) {
            return ItemOutcome.unknown(index, new ApiError(result.code(), null,
                    "The server reported success but its contact could not be read: " + e.getMessage(), null));
        }
        if (expectedNumber != null && !expectedNumber.equals(contact.number())) {
            // Results are matched to requests by position; a different number means that match is
            // wrong or the server changed the number. Either way the caller must look.
            ApiError mismatch = new ApiError(result.code(), null, "The server returned number " + contact.number()
                    + " for item " + index + " but " + expectedNumber + " was sent; check contact " + contact.sid(),
                    null);
            return new ItemOutcome<>(index, ItemOutcome.Status.FAILURE, result.code(), contact, mismatch);
        }
        return ItemOutcome.success(index, result.code(), contact);
    }
}
