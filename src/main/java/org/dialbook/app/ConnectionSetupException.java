package org.dialbook.app;

/** The CLI cannot tell where or as whom to connect; the message names the setting to fix. */
public class ConnectionSetupException extends RuntimeException {
    public ConnectionSetupException(String message) {
        super(message);
    }
}
