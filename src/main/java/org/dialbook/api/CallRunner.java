package org.dialbook.api;

import com.google.gson.JsonParseException;
import java.time.Duration;
import okhttp3.HttpUrl;

/**
 * Runs a single-resource call with the retry rules of docs/CONTRACT.md: 429, 5xx and failures before
 * the request was written are retried with backoff; 4xx never are. A failure after the request was
 * written is retried only when the caller says the call is safe to replay.
 */
final class CallRunner {
    private final HttpExecutor executor;
    private final Retries retries;

    CallRunner(HttpExecutor executor, Retries retries) {
        this.executor = executor;
        this.retries = retries;
    }

    /**
     * @param safeToReplay true for PUT, GET and DELETE: sending them twice leaves the same state
     * @return the envelope of a successful (2xx) answer
     * @throws ApiException the typed failure once retries are used up or not allowed
     */
    Envelope call(String method, HttpUrl url, String body, boolean safeToReplay) {
        boolean replayedAfterLoss = false;
        Retries.Run run = retries.start();
        while (true) {
            Exchange exchange = executor.execute(method, url, body);
            if (exchange instanceof Exchange.Failed failed) {
                boolean mayRetry = (!failed.requestSent() || safeToReplay) && !HttpExecutor.wasCancelled(failed);
                if (mayRetry && run.mayRetry(true)) {
                    replayedAfterLoss |= failed.requestSent();
                    pause(run, null, method, url, failed.cause().getClass().getSimpleName());
                    continue;
                }
                throw Transport.failure(method, url, failed);
            }
            Exchange.Answered answer = (Exchange.Answered) exchange;
            if (answer.status() < 500) {
                retries.serverAnswered();
            }
            if (ApiErrors.isRetryable(answer.status()) && run.mayRetry(answer.status() >= 500)) {
                pause(run, answer.retryAfter(), method, url, "HTTP " + answer.status());
                continue;
            }
            return interpret(method, url, answer, replayedAfterLoss);
        }
    }

    private Envelope interpret(String method, HttpUrl url, Exchange.Answered answer, boolean replayedAfterLoss) {
        int status = answer.status();
        Envelope envelope;
        try {
            envelope = Envelope.parse(answer.body(), status);
        } catch (JsonParseException e) {
            if (status >= 200 && status < 300) {
                throw Transport.unreadable(method, url, answer, e, !"GET".equals(method));
            }
            throw ApiErrors.toException(status, null, null);
        }
        if (status >= 200 && status < 300) {
            Envelope.Item item = envelope.items().isEmpty() ? null : envelope.items().get(0);
            if (item != null && !item.success()) {
                throw ApiErrors.toException(item.code(), item.error(), envelope.requestId());
            }
            return envelope;
        }
        ApiException failure = ApiErrors.toException(status, envelope.firstError(), envelope.requestId());
        if (replayedAfterLoss && failure instanceof NotFoundException) {
            // A DELETE whose first answer was lost and whose replay finds nothing most likely
            // succeeded the first time; say so rather than hide it.
            throw new NotFoundException(failure.httpStatus(), failure.errorCode(), failure.getMessage()
                    + " (an earlier attempt, whose answer was lost, may already have done this)", failure.requestId());
        }
        throw failure;
    }

    private static void pause(Retries.Run run, Duration retryAfter, String method, HttpUrl url, String reason) {
        try {
            if (!run.pause(retryAfter, method, url, reason)) {
                throw new TransportException("Cancelled while waiting to retry " + method + " " + url.encodedPath()
                        + " (" + reason + ")", false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to retry", false, e);
        }
    }
}
