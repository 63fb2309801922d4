package org.dialbook.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and as whom to call the API. The base URL is the part before {@code /v2/accounts/...}, for
 * example {@code https://api.exotel.com}. Plain {@code http} is refused unless the host is loopback
 * (the sandbox), so credentials never cross a network in clear text.
 *
 * <p>{@link #toString()} never shows the key or the token.
 */
public final class ConnectionSettings {
    private final URI baseUrl;
    private final String accountSid;
    private final String apiKey;
    private final String apiToken;
    private final Integer writesPerMinute;
    private final Integer readsPerMinute;

    private ConnectionSettings(URI baseUrl, String accountSid, String apiKey, String apiToken) {
        this(baseUrl, accountSid, apiKey, apiToken, null, null);
    }

    private ConnectionSettings(URI baseUrl, String accountSid, String apiKey, String apiToken, Integer writesPerMinute,
            Integer readsPerMinute) {
        this.baseUrl = baseUrl;
        this.accountSid = accountSid;
        this.apiKey = apiKey;
        this.apiToken = apiToken;
        this.writesPerMinute = writesPerMinute;
        this.readsPerMinute = readsPerMinute;
    }

    /** The most requests a minute this profile or command line allows itself; the bounds of a budget. */
    public static final int MAX_BUDGET = 100_000;

    /**
     * These settings with the account's request budgets, as a profile or the command line sets them:
     * writes and reads a minute, 0 for no pacing, null to keep what the client does for the host
     * (Exotel's published 30 and 300 on Exotel hosts, none elsewhere).
     *
     * @throws IllegalArgumentException naming the budget when it is negative or absurdly high
     */
    public ConnectionSettings withBudgets(Integer writes, Integer reads) {
        checkBudget(writes, "writes a minute");
        checkBudget(reads, "reads a minute");
        return new ConnectionSettings(baseUrl, accountSid, apiKey, apiToken,
                writes != null ? writes : writesPerMinute, reads != null ? reads : readsPerMinute);
    }

    private static void checkBudget(Integer value, String what) {
        if (value != null && (value < 0 || value > MAX_BUDGET)) {
            throw new IllegalArgumentException("The budget of " + what + " must be between 0 (no pacing) and "
                    + MAX_BUDGET + ", got " + value);
        }
    }

    /** Writes a minute set for this account, or null for the host's default. */
    public Integer writesPerMinute() {
        return writesPerMinute;
    }

    /** Reads a minute set for this account, or null for the host's default. */
    public Integer readsPerMinute() {
        return readsPerMinute;
    }

    public static ConnectionSettings forRegion(Region region, String accountSid, String apiKey, String apiToken) {
        return forBaseUrl("https://" + region.apiHost(), accountSid, apiKey, apiToken);
    }

    /**
     * @throws IllegalArgumentException naming the problem (never echoing a secret) when the URL is
     *     malformed, plain http to a non-loopback host, or a field is blank
     */
    public static ConnectionSettings forBaseUrl(String baseUrl, String accountSid, String apiKey, String apiToken) {
        requireText(accountSid, "account SID");
        requireText(apiKey, "API key");
        requireText(apiToken, "API token");
        if (!accountSid.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("The account SID may contain only letters, digits, '.', '_' and '-'");
        }
        return new ConnectionSettings(checkedBaseUrl(baseUrl), accountSid.trim(), apiKey.trim(), apiToken.trim());
    }

    private static URI checkedBaseUrl(String baseUrl) {
        requireText(baseUrl, "base URL");
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The base URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("The base URL must look like https://api.exotel.com");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException(
                    "Do not put the API key or token in the URL; enter them in their own fields");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("Plain http is allowed only for this computer (localhost); use https for "
                    + uri.getHost());
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return URI.create(scheme + "://" + hostForUri(uri.getHost()) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + path);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        return h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is missing");
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public String host() {
        return baseUrl.getHost();
    }

    public String accountSid() {
        return accountSid;
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiToken() {
        return apiToken;
    }

    /** {@code {base}/v2/accounts/{sid}/contacts}. */
    public String contactsUrl() {
        return baseUrl + "/v2/accounts/" + accountSid + "/contacts";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSettings that
                && baseUrl.equals(that.baseUrl)
                && accountSid.equals(that.accountSid)
                && apiKey.equals(that.apiKey)
                && apiToken.equals(that.apiToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baseUrl, accountSid, apiKey, apiToken);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[baseUrl=" + baseUrl + ", accountSid=" + accountSid + ", apiKey=***, apiToken=***"
                + (writesPerMinute == null ? "" : ", writesPerMinute=" + writesPerMinute)
                + (readsPerMinute == null ? "" : ", readsPerMinute=" + readsPerMinute) + "]";
    }
}
