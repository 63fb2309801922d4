package org.dialbook.api;

/** Credentials were refused (401/1010) or the resource belongs to another account (403/1003). */
public class AuthenticationException extends ApiException {
    public AuthenticationException(int httpStatus, Integer errorCode, String message, String requestId) {
        super(httpStatus, errorCode, message, requestId);
    }
}
