package org.dialbook.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request and reports an {@link Exchange}; it never retries (that is
 * {@link ContactsClient}'s decision, which depends on the call). It knows whether a failed request
 * had started to be written, which is what separates "safe to retry" from "outcome unknown".
 */
final class HttpExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(HttpExecutor.class);
    // Exactly "application/json" as docs/CONTRACT.md says; JSON is UTF-8 by definition (RFC 8259), and
    // creating the body from bytes stops OkHttp from appending "; charset=utf-8".
    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final RateLimiter rateLimiter;

    HttpExecutor(OkHttpClient http, RateLimiter rateLimiter) {
        this.http = http;
        this.rateLimiter = rateLimiter;
    }

    /** Marks the calls whose request headers started going out; set by {@link SendTracker}. */
    static final class SendState {
        private volatile boolean sent;

        boolean sent() {
            return sent;
        }
    }

    /** OkHttp event listener that flips {@link SendState} when a request starts to be written. */
    static final class SendTracker extends EventListener {
        @Override
        public void requestHeadersStart(Call call) {
            SendState state = call.request().tag(SendState.class);
            if (state != null) {
                state.sent = true;
            }
        }
    }

    Exchange execute(String method, okhttp3.HttpUrl url, String jsonBody) {
        return execute(method, url,
                jsonBody == null ? null : RequestBody.create(jsonBody.getBytes(StandardCharsets.UTF_8), JSON));
    }

    /** As {@link #execute(String, okhttp3.HttpUrl, String)}, with a body that writes itself to the socket. */
    Exchange execute(String method, okhttp3.HttpUrl url, RequestBody body) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed(new InterruptedIOException("interrupted while waiting under the rate cap"), false);
        }
        SendState state = new SendState();
        Request.Builder builder = new Request.Builder().url(url).method(method, body).tag(SendState.class, state)
                .header("Accept", "application/json");
        long started = System.nanoTime();
        try (Response response = http.newCall(builder.build()).execute()) {
            String text = readBody(response.body());
            LOG.debug("{} {} -> {} in {} ms", method, url.encodedPath(), response.code(), millisSince(started));
            return new Exchange.Answered(response.code(), text, response.header("Content-Type"),
                    retryAfter(response.header("Retry-After")));
        } catch (IOException e) {
            LOG.debug("{} {} failed after {} ms ({}; request sent: {})", method, url.encodedPath(),
                    millisSince(started), e.getClass().getSimpleName(), state.sent());
            return new Exchange.Failed(e, state.sent());
        }
    }

    /**
     * True when the caller's thread was interrupted (a cancelled task): that is no reason to retry.
     * A {@link SocketTimeoutException} is an {@link InterruptedIOException} too, but a timeout.
     */
    static boolean wasCancelled(Exchange.Failed failed) {
        return Thread.currentThread().isInterrupted()
                || (failed.cause() instanceof InterruptedIOException && !(failed.cause() instanceof SocketTimeoutException));
    }

    private static String readBody(ResponseBody body) throws IOException {
        return body == null ? "" : body.string();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Retry-After in delta-seconds (the form Exotel uses); HTTP dates are ignored. */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        String value = header.trim().toLowerCase(Locale.ROOT);
        if (!value.matches("\\d{1,9}")) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(value));
    }
}
