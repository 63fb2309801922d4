package org.dialbook.credentials;

/** The profiles file could not be written; the message names the file and the reason. */
public class ProfileStoreException extends RuntimeException {
    public ProfileStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
