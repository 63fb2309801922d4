package org.dialbook.api;

/** The contact does not exist (404/1000). */
public class NotFoundException extends ApiException {
    public NotFoundException(int httpStatus, Integer errorCode, String message, String requestId) {
        super(httpStatus, errorCode, message, requestId);
    }
}
