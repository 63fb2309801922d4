package org.dialbook.api;

/** The server answered 5xx and every retry was used up. */
public class ServerFaultException extends ApiException {
    public ServerFaultException(int httpStatus, Integer errorCode, String message, String requestId) {
        super(httpStatus, errorCode, message, requestId);
    }
}
