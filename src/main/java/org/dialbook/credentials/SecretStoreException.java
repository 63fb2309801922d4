package org.dialbook.credentials;

/**
 * A secret store could not do what was asked. The message is for the user and never contains a
 * secret.
 */
public class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
