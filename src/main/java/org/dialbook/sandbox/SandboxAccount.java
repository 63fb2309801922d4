package org.dialbook.sandbox;

import java.util.Objects;

/**
 * One account the sandbox serves, with the key and token that authenticate as it.
 * {@link #toString()} hides the key and token, like every credential holder in Dialbook.
 */
public record SandboxAccount(String accountSid, String apiKey, String apiToken) {

    /** The account every sandbox serves unless told otherwise; documented in the README. */
    public static final SandboxAccount DEFAULT = new SandboxAccount("sandbox", "sandbox-key", "sandbox-token");

    /** Longer SIDs are refused up front rather than failing in the database later. */
    public static final int MAX_SID_LENGTH = 100;

    public SandboxAccount {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(apiToken, "apiToken");
        if (accountSid.length() > MAX_SID_LENGTH) {
            throw new IllegalArgumentException("The account SID must be at most " + MAX_SID_LENGTH + " characters");
        }
        if (!accountSid.matches("[A-Za-z0-9_.\\-]+")) {
            throw new IllegalArgumentException("The account SID may contain only letters, digits, '.', '_' and '-'");
        }
        if (apiKey.isBlank() || apiToken.isBlank()) {
            throw new IllegalArgumentException("The API key and token must not be blank");
        }
        if (apiKey.contains(":")) {
            throw new IllegalArgumentException("The API key must not contain ':' (Basic auth splits on it)");
        }
    }

    @Override
    public String toString() {
        return "SandboxAccount[accountSid=" + accountSid + ", apiKey=***, apiToken=***]";
    }
}
