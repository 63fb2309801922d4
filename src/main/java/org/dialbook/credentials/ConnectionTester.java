package org.dialbook.credentials;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.dialbook.api.ApiException;
import org.dialbook.api.AuthenticationException;
import org.dialbook.api.ConnectionSettings;
import org.dialbook.api.Contact;
import org.dialbook.api.ContactsApi;
import org.dialbook.api.ContactsClient;
import org.dialbook.api.ListQuery;
import org.dialbook.api.NotFoundException;
import org.dialbook.api.Page;
import org.dialbook.api.RetryPolicy;
import org.dialbook.api.ServerFaultException;
import org.dialbook.api.ThrottledException;
import org.dialbook.api.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test connection": one cheap call (list with limit 1, no retries) and a sentence that says what
 * worked or exactly what did not. Blocks for up to the client's timeouts, so run it off the FX
 * thread.
 */
public final class ConnectionTester {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);

    private final Function<ConnectionSettings, ContactsApi> clients;

    /** Tests with a real client: no retries, short timeouts, so a wrong setting shows at once. */
    public ConnectionTester() {
        this(settings -> ContactsClient.builder(settings)
                .retryPolicy(RetryPolicy.none())
                .connectTimeout(Duration.ofSeconds(8))
                .readTimeout(Duration.ofSeconds(15))
                .build());
    }

    /** @param clients makes the client to test with; closed afterwards when it is AutoCloseable */
    public ConnectionTester(Function<ConnectionSettings, ContactsApi> clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /** The outcome, in words for the user; {@code contacts} is the account's total on success. */
    public record Result(boolean ok, String message, long contacts) {
        static Result success(String where, long total) {
            return new Result(true, "Connected to " + where + ": the account has " + total
                    + (total == 1 ? " contact." : " contacts."), total);
        }

        static Result failure(String message) {
            return new Result(false, message, -1);
        }
    }

    public Result test(ConnectionSettings settings) {
        ContactsApi api;
        try {
            api = clients.apply(settings);
        } catch (IllegalArgumentException e) {
            return Result.failure(e.getMessage());
        }
        try {
            Page<Contact> page = api.listContacts(ListQuery.firstPage().withLimit(1));
            LOG.info("Connection test to {} for account {} succeeded", settings.host(), settings.accountSid());
            return Result.success(settings.host(), page.total());
        } catch (ApiException e) {
            LOG.info("Connection test to {} for account {} failed: {}", settings.host(), settings.accountSid(),
                    e.getMessage());
            return Result.failure(explain(settings, e));
        } finally {
            close(api);
        }
    }

    /** The exact failure, and what to do about it. */
    static String explain(ConnectionSettings settings, ApiException e) {
        String host = settings.host();
        String requestId = e.requestId() == null ? "" : " (request id " + e.requestId() + ")";
        if (e instanceof AuthenticationException) {
            if (e.httpStatus() == 403) {
                return "Exotel refused access to account '" + settings.accountSid() + "' (403): these credentials "
                        + "belong to another account. Check the account SID." + requestId;
            }
            return "Wrong API key, API token or region (401): " + host + " did not accept these credentials. "
                    + "Check the key and token on the dashboard's API settings page, and the region: a dashboard "
                    + "at my.mum1.exotel.com means Mumbai, my.exotel.com means Singapore." + requestId;
        }
        if (e instanceof ThrottledException) {
            return "Exotel is throttling requests (429 Too Many Requests). The settings may well be right; wait a "
                    + "minute and test again.";
        }
        if (e instanceof NotFoundException) {
            return "Not found (404) at " + host + ": check the account SID and the URL. " + e.getMessage();
        }
        if (e instanceof ServerFaultException) {
            return "Exotel answered with a server error (" + e.httpStatus() + "). This is on their side; try again "
                    + "later." + requestId;
        }
        if (e instanceof TransportException && causedBy(e, javax.net.ssl.SSLException.class)) {
            // The raw text ("PKIX path building failed: sun.security...") means nothing to a user.
            return "The secure connection to " + host + " failed: this computer does not trust the certificate it "
                    + "was shown. Usually a proxy or firewall that inspects HTTPS stands in between; ask your IT team "
                    + "to let " + host + " through or to install its certificate, or test from another network.";
        }
        if (e instanceof TransportException) {
            return "No connection to " + host + ": " + e.getMessage() + ". Check the network connection, proxy or "
                    + "firewall.";
        }
        return "The test call failed (" + (e.httpStatus() == 0 ? "no answer" : "HTTP " + e.httpStatus()) + "): "
                + e.getMessage();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause() == current ? null
                : current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    private static void close(ContactsApi api) {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("Closing the test client failed", e);
            }
        }
    }
}
