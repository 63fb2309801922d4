package org.dialbook.api;

/** Turns an HTTP status and its {@code error_data} into the matching {@link ApiException} type. */
final class ApiErrors {
    private ApiErrors() {
    }

    static ApiException toException(int status, ApiError error, String requestId) {
        Integer code = error == null ? null : error.code();
        String message = message(status, error, requestId);
        if (status == 401 || status == 403 || isCode(code, 1010) || isCode(code, 1003)) {
            return new AuthenticationException(status, code, message, requestId);
        }
        if (status == 404 || isCode(code, 1000)) {
            return new NotFoundException(status, code, message, requestId);
        }
        if (status == 429) {
            return new ThrottledException(status, code, message, requestId);
        }
        if (status >= 500) {
            return new ServerFaultException(status, code, message, requestId);
        }
        if (status >= 400) {
            return new InvalidRequestException(status, code, message, requestId);
        }
        return new ApiException(status, code, message, requestId);
    }

    static boolean isRetryable(int status) {
        return status == 429 || status >= 500;
    }

    private static boolean isCode(Integer code, int wanted) {
        return code != null && code == wanted;
    }

    private static String message(int status, ApiError error, String requestId) {
        StringBuilder text = new StringBuilder();
        if (error != null && !error.summary().isBlank()) {
            text.append(error.summary());
        } else {
            text.append(status).append(' ').append(defaultReason(status));
        }
        if (status == 401) {
            text.append(" (check the API key and token, and that the region matches the account)");
        }
        if (requestId != null) {
            text.append(" [request_id ").append(requestId).append(']');
        }
        return text.toString();
    }

    private static String defaultReason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            default -> status >= 500 ? "Server Error" : "Unexpected answer";
        };
    }
}
