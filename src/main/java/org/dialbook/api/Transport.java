package org.dialbook.api;

import com.google.gson.JsonParseException;
import java.time.Duration;
import okhttp3.HttpUrl;

/** Builds the clear {@link TransportException}s of the client, and waits between tries. */
final class Transport {
    private Transport() {
    }

    static TransportException failure(String method, HttpUrl url, Exchange.Failed failed) {
        if (HttpExecutor.wasCancelled(failed)) {
            return new TransportException("Cancelled: " + method + " " + url.encodedPath() + " was interrupted "
                    + (failed.requestSent() ? "after the request was sent; the server may have acted on it"
                            : "before anything was sent"), failed.requestSent(), failed.cause());
        }
        String cause = failed.cause().getClass().getSimpleName()
                + (failed.cause().getMessage() == null ? "" : ": " + failed.cause().getMessage());
        if (failed.requestSent()) {
            return new TransportException("The answer to " + method + " " + url.encodedPath() + " on " + url.host()
                    + " was lost after the request was sent (" + cause + "); the server may have acted on it",
                    true, failed.cause());
        }
        return new TransportException("Could not reach " + url.host() + ":" + url.port() + " (" + cause
                + "); nothing was sent", false, failed.cause());
    }

    static TransportException unreadable(String method, HttpUrl url, Exchange.Answered answer, JsonParseException e,
            boolean outcomeUnknown) {
        String type = answer.contentType() == null ? "no content type" : answer.contentType();
        return new TransportException("The answer to " + method + " " + url.encodedPath() + " (HTTP " + answer.status()
                + ", " + type + ", " + answer.body().length() + " characters) is not the Exotel JSON envelope: "
                + e.getMessage() + ". Is the base URL right?", outcomeUnknown, null);
    }

    static void sleep(Sleeper sleeper, Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to retry", false, e);
        }
    }
}
