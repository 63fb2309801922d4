package org.dialbook.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.Connection;
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
    // Exactly "application/json" as CONTRACT.md says; JSON is UTF-8 by definition (RFC 8259), and
    // creating the body from bytes stops OkHttp from appending "; charset=utf-8".
    private static final MediaType JSON = MediaType.get("application/json");
    /** Tries on a new connection after finding pooled ones closed; more means the server drops them at once. */
    private static final int MAX_STALE_RESENDS = 3;

    private final OkHttpClient http;
    private final RateLimiter rateLimiter;

    HttpExecutor(OkHttpClient http, RateLimiter rateLimiter) {
        this.http = http;
        this.rateLimiter = rateLimiter;
    }

    /**
     * What one attempt did on the wire, set by {@link SendTracker}: whether the request started going
     * out, whether it went out on a pooled connection (no connect of its own), and whether any
     * response headers came back.
     */
    static final class SendState {
        private volatile boolean sent;
        private volatile boolean connected;
        private volatile boolean reused;
        private volatile boolean answered;

        boolean sent() {
            return sent;
        }

        boolean reused() {
            return reused;
        }
    }

    /** OkHttp event listener that fills {@link SendState}. */
    static final class SendTracker extends EventListener {
        private static SendState state(Call call) {
            return call.request().tag(SendState.class);
        }

        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
            SendState state = state(call);
            if (state != null) {
                state.connected = true;
            }
        }

        @Override
        public void connectionAcquired(Call call, Connection connection) {
            SendState state = state(call);
            if (state != null) {
                // A call that acquired a connection without connecting got it from the pool.
                state.reused = !state.connected;
            }
        }

        @Override
        public void requestHeadersStart(Call call) {
            SendState state = state(call);
            if (state != null) {
                state.sent = true;
            }
        }

        @Override
        public void responseHeadersEnd(Call call, Response response) {
            SendState state = state(call);
            if (state != null) {
                state.answered = true;
            }
        }
    }

    Exchange execute(String method, okhttp3.HttpUrl url, String jsonBody) {
        try {
            rateLimiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange.Failed(new InterruptedIOException("interrupted while waiting under the rate cap"), false);
        }
        byte[] bytes = jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            SendState state = new SendState();
            RequestBody body = bytes == null ? null : RequestBody.create(bytes, JSON);
            Request.Builder builder = new Request.Builder().url(url).method(method, body).tag(SendState.class, state)
                    .header("Accept", "application/json");
            long started = System.nanoTime();
            try (Response response = http.newCall(builder.build()).execute()) {
                String text = readBody(response.body());
                LOG.debug("{} {} -> {} in {} ms", method, url.encodedPath(), response.code(), millisSince(started));
                return new Exchange.Answered(response.code(), text, response.header("Content-Type"),
                        retryAfter(response.header("Retry-After")));
            } catch (IOException e) {
                LOG.debug("{} {} failed after {} ms ({}; request sent: {}; pooled connection: {})", method,
                        url.encodedPath(), millisSince(started), e.getClass().getSimpleName(), state.sent(),
                        state.reused());
                if (!wasStale(state, e)) {
                    return new Exchange.Failed(e, state.sent());
                }
                // The server had closed this pooled connection before our request reached it, so it
                // never saw the request: sending again on a new connection cannot make a duplicate.
                http.connectionPool().evictAll();
                if (attempt >= MAX_STALE_RESENDS) {
                    return new Exchange.Failed(e, false);
                }
                LOG.info("{} {}: the server had already closed the pooled connection ({}); sending again on a new one",
                        method, url.encodedPath(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * True when a request went out on a pooled connection that the server had already closed: no
     * response byte came back, and the socket ended (end of stream, reset, broken pipe) rather than
     * timing out. A timeout says nothing about whether the server is still working on it, and a
     * failure on a fresh connection may follow a request the server did receive; both stay unknown.
     */
    static boolean wasStale(SendState state, IOException failure) {
        if (!state.reused || state.answered || Thread.currentThread().isInterrupted()) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return false;
            }
            if (cause instanceof EOFException || cause instanceof SocketException) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && message.startsWith("unexpected end of stream")) {
                return true;
            }
        }
        return false;
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
