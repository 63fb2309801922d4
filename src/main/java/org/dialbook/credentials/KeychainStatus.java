package org.dialbook.credentials;

import java.util.Objects;

/**
 * Whether the OS keychain is in use. When it is not, secrets are kept in memory for this session
 * only and the UI says so, with the reason.
 *
 * @param state {@link State#UNKNOWN} until the keychain was first tried
 * @param reason for {@link State#UNAVAILABLE}, why (for example "no Secret Service is running");
 *     empty otherwise
 */
public record KeychainStatus(State state, String reason) {

    public enum State { UNKNOWN, AVAILABLE, UNAVAILABLE }

    public static final KeychainStatus UNKNOWN = new KeychainStatus(State.UNKNOWN, "");
    public static final KeychainStatus AVAILABLE = new KeychainStatus(State.AVAILABLE, "");

    public KeychainStatus {
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
    }

    public static KeychainStatus unavailable(String reason) {
        return new KeychainStatus(State.UNAVAILABLE, reason);
    }

    public boolean available() {
        return state == State.AVAILABLE;
    }

    public boolean unavailable() {
        return state == State.UNAVAILABLE;
    }

    /** One sentence for the user: where their token is kept. */
    public String userMessage() {
        return switch (state) {
            case AVAILABLE -> "Your API key and token are stored in the system keychain.";
            case UNKNOWN -> "Your API key and token will be stored in the system keychain if one is available.";
            case UNAVAILABLE -> "No keychain available — your token is kept for this session only"
                    + (reason.isEmpty() ? "." : " (" + reason + ").");
        };
    }
}
