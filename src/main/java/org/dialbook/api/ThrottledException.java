package org.dialbook.api;

/** The server answered 429 and every retry was used up. */
public class ThrottledException extends ApiException {
    public ThrottledException(int httpStatus, Integer errorCode, String message, String requestId) {
        super(httpStatus, errorCode, message, requestId);
    }
}
