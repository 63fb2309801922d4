package org.dialbook.api;

/**
 * The one exception family of the client. Unchecked, for the whole project, so it passes through
 * streams and callbacks. Messages never contain credentials.
 */
public class ApiException extends RuntimeException {
    private final int httpStatus;
    private final Integer errorCode;
    private final String requestId;

    public ApiException(int httpStatus, Integer errorCode, String message, String requestId) {
        this(httpStatus, errorCode, message, requestId, null);
    }

    public ApiException(int httpStatus, Integer errorCode, String message, String requestId, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Exotel's {@code error_data.code}, or null. */
    public Integer errorCode() {
        return errorCode;
    }

    /** The server's {@code request_id}, or null; quote it to Exotel support. */
    public String requestId() {
        return requestId;
    }

    public ApiError toApiError() {
        return new ApiError(httpStatus, errorCode, getMessage(), null);
    }
}
