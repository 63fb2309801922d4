package org.dialbook.app;

/** Bad arguments: the CLI frame prints the message as one line and exits with {@link CliCommand#USAGE}. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
