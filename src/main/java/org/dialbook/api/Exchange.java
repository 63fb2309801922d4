package org.dialbook.api;

import java.io.IOException;
import java.time.Duration;

/** What one HTTP attempt produced: an answer, or a failure before or after the request was sent. */
sealed interface Exchange {

    /**
     * The server answered.
     *
     * @param retryAfter the {@code Retry-After} header in seconds, or null when absent or unreadable
     */
    record Answered(int status, String body, String contentType, Duration retryAfter) implements Exchange {
    }

    /**
     * No answer. When {@code requestSent} is false nothing reached the server (DNS, refused
     * connection, TLS), so any call may be retried; when true the server may have acted on it.
     */
    record Failed(IOException cause, boolean requestSent) implements Exchange {
    }
}
