package org.dialbook.mirror;

/** The mirror file could not be read or written; the message names the file and what went wrong. */
public class MirrorException extends RuntimeException {
    public MirrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
