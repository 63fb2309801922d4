package org.dialbook.api;

/**
 * What happened to one item of a bulk call.
 *
 * @param index the item's position in the caller's list (not in one chunk)
 * @param value the contact on success; null otherwise
 * @param error why it failed, or why its outcome is unknown; null on success
 */
public record ItemOutcome<T>(int index, Status status, int httpCode, T value, ApiError error) {

    /** SUCCESS and FAILURE are the server's word; UNKNOWN means the answer was lost after sending. */
    public enum Status {
        SUCCESS,
        FAILURE,
        UNKNOWN
    }

    public static <T> ItemOutcome<T> success(int index, int httpCode, T value) {
        return new ItemOutcome<>(index, Status.SUCCESS, httpCode, value, null);
    }

    public static <T> ItemOutcome<T> failure(int index, ApiError error) {
        return new ItemOutcome<>(index, Status.FAILURE, error.httpCode(), null, error);
    }

    public static <T> ItemOutcome<T> unknown(int index, ApiError error) {
        return new ItemOutcome<>(index, Status.UNKNOWN, 0, null, error);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
