package org.dialbook.api;

/**
 * No usable answer: the connection failed, timed out, or the body was not the JSON envelope.
 * {@link #outcomeUnknown()} is true when the request may have reached the server.
 */
public class TransportException extends ApiException {
    private final boolean outcomeUnknown;

    public TransportException(String message, boolean outcomeUnknown, Throwable cause) {
        super(0, null, message, null, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
