package org.dialbook.api;

/** The server rejected the request as invalid (400 with 1001, 1002 or 1007; 409; 413; 415). */
public class InvalidRequestException extends ApiException {
    public InvalidRequestException(int httpStatus, Integer errorCode, String message, String requestId) {
        super(httpStatus, errorCode, message, requestId);
    }
}
