package org.dialbook.credentials;

/**
 * A profile has no API key or token stored (for instance the keychain was unavailable last
 * session, so they were kept in memory only). The message names the profile and what to do.
 */
public class MissingCredentialsException extends RuntimeException {
    private final String profileName;

    public MissingCredentialsException(String profileName, String message) {
        super(message);
        this.profileName = profileName;
    }

    public String profileName() {
        return profileName;
    }
}
