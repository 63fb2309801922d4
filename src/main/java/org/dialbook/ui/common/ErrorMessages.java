package org.dialbook.ui.common;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.dialbook.api.ApiException;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.InvalidRequestException;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.ServerFaultException;
import org.dialbook.api.ThrottledException;
import org.dialbook.api.TransportException;

/**
 * Turns failures into sentences that say what happened and what to do next. Never includes
 * credentials: API exceptions are built without them, and other exceptions only contribute their
 * message.
 */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        String text;
        if (cause instanceof AuthenticationException) {
            text = "Exotel refused the API key or token (" + brief(cause) + "). Check them in Connection → "
                    + "Connect Exotel account…, and check the region: an account made on my.exotel.com is "
                    + "Singapore, one on my.mum1.exotel.com is Mumbai.";
        } else if (cause instanceof ThrottledException) {
            text = "Exotel is limiting how fast we may call it (HTTP 429). Wait a minute, then try again.";
        } else if (cause instanceof NotFoundException) {
            text = "The contact no longer exists on the server; it may have been deleted elsewhere. Press F5 "
                    + "to refresh the table. (" + brief(cause) + ")";
        } else if (cause instanceof InvalidRequestException) {
            text = "The server rejected the change: " + brief(cause);
        } else if (cause instanceof ServerFaultException) {
            text = "The server had a problem (" + brief(cause) + "). Try again in a moment; if it keeps "
                    + "happening, quote the request id to Exotel support." + requestId(cause);
        } else if (cause instanceof TransportException transport) {
            text = "Could not reach the server: " + brief(cause) + ". Check the network connection and try "
                    + "again (F5)." + (transport.outcomeUnknown()
                            ? " The request may have arrived before the connection broke; refresh to see." : "");
        } else if (cause instanceof ApiException) {
            text = brief(cause) + requestId(cause);
        } else if (cause instanceof UnknownHostException || cause instanceof ConnectException
                || cause instanceof InterruptedIOException) {
            text = "Could not reach the server (" + brief(cause) + "). Check the network connection and try again.";
        } else {
            text = brief(cause);
        }
        return text;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (!(current instanceof ApiException) && current.getCause() != null && current.getCause() != current
                && (current instanceof java.util.concurrent.ExecutionException
                        || current instanceof java.util.concurrent.CompletionException
                        || current instanceof java.io.UncheckedIOException
                        || current.getClass() == RuntimeException.class)) {
            current = current.getCause();
        }
        return current;
    }

    private static String brief(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message;
    }

    private static String requestId(Throwable error) {
        if (error instanceof ApiException api && api.requestId() != null) {
            return " (request id " + api.requestId() + ")";
        }
        return "";
    }
}
